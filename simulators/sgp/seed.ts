// Deterministic data for the SGP simulator: the ISP's lists (POPs, portadores, pontos de
// recebimento, plans, due days, sellers, ocorrência types), customers with one entry per contract
// (as SGP's consultacliente answers), títulos with valid boletos and Pix codes, anotações, notas
// fiscais, and the fixed test customers of every scenario the vendor sandbox shows. Dates are
// offsets from the seeding day, so "overdue" stays true whenever the simulator starts.
import { addDays, todayInBrazil } from '../../src/brasil/dates.js';
import { cnpjCheckDigits, cpfCheckDigits } from '../../src/brasil/document.js';
import { barcodeToLine, buildBoletoBarcode } from '../../src/brasil/boleto.js';
import { buildStaticPix } from '../../src/brasil/pix.js';
import { prng } from '../shared/prng.js';

/** SGP's contract status codes: 1 Ativo, 2 Inativo, 3 Cancelado, 4 Suspenso, 5 Inviab. técnica, 6 Novo, 7 Ativo V. Reduzida. */
export type ContractStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const STATUS_DISPLAY: Readonly<Record<ContractStatus, string>> = {
  1: ' Ativo ',
  2: ' Inativo ',
  3: ' Cancelado ',
  4: ' Suspenso ',
  5: ' Inviabilidade Técnica ',
  6: ' Novo ',
  7: ' Ativo V. Reduzida ',
};

export interface SimAddress {
  logradouro: string;
  numero: number;
  complemento: string;
  bairro: string;
  cidade: string;
  uf: string;
  /** "35500-000" as SGP prints it. */
  cep: string;
}

export interface SimCustomer {
  id: number;
  nome: string;
  /** Digits. */
  cpfcnpj: string;
  tipo: 'F' | 'J';
  /** dd/mm/yyyy HH:MM:SS, as consultacliente prints dataCadastro. */
  dataCadastro: string;
  dataNascimento: string | null;
  emails: string[];
  /** Masked "(37) 99876-5432". */
  telefones: string[];
  /** Print phones as `{tipoContato, contato}` objects (the drift seen on real tenants). */
  contactObjects: boolean;
  endereco: SimAddress;
  centralSenha: string;
}

export interface SimContract {
  id: number;
  clienteId: number;
  status: ContractStatus;
  motivoStatus: string;
  planoId: number;
  popId: number;
  vencimentoDia: number;
  login: string;
  servicoId: number;
  /** Trust unlocks used this month. */
  promessasMes: number;
  /** Until when a trust unlock holds the contract active (ISO), or null. */
  promessaAte: string | null;
}

export type TitleStatus = 'Gerado' | 'Pago' | 'Cancelado';

export interface SimTitle {
  id: number;
  contratoId: number;
  clienteId: number;
  numeroDocumento: number;
  nossoNumero: string;
  status: TitleStatus;
  valorCents: number;
  dataEmissao: string;
  dataVencimento: string;
  dataPagamento: string | null;
  valorPagoCents: number | null;
  usuarioBaixa: string;
  portadorId: number;
  codigoBarras: string;
  /** "" on a freshly issued title (as recorded on a production tenant). */
  linhaDigitavel: string;
  /** "" until the Pix endpoint generates it. */
  codigoPix: string;
  /** What the Pix endpoint answers for this title. */
  pixOnDemand: string;
  /** The path part of the boleto link. */
  hash: string;
  /** The boleto link serves an HTML page instead of a PDF (the client must render its own). */
  htmlOnly: boolean;
  baixas: SimBaixa[];
}

export interface SimBaixa {
  caixalancamento_id: number;
  pontoRecebimento: number;
  formaPagamento: string;
  valorPagoCents: number;
  dataPagamento: string;
  observacao: string;
}

export interface SimNote {
  id: number;
  clienteId: number;
  contratoId: number | null;
  anotacao: string;
  alertaModo: number | null;
  dataCadastro: string;
}

export interface SimInvoice {
  id: number;
  contratoId: number;
  numero: number;
  serie: string;
  modelo: '21' | '22';
  valorCents: number;
  dataEmissao: string;
  cancelada: string | null;
  uuid: string;
}

/** An NFCom (model 62), listed by /api/central/nfcom/list and printed by /api/central/nfcom/print/{numero}. */
export interface SimNfcom {
  id: number;
  contratoId: number;
  numero: number;
  serie: string;
  chave: string;
  /** 1 Autorizada, 8 Cancelada (SGP's codes, as strings). */
  status: '1' | '8';
  dataEmissao: string;
  /** Not listed by SGP (the vendor's example has no value field); used to print the PDF. */
  valorCents: number;
}

/** An NFS-e, listed by /api/central/nfse/list/. */
export interface SimNfse {
  id: number;
  contratoId: number;
  rps: number;
  serie: string;
  valorCents: number;
  data: string;
}

export interface SimTicket {
  protocolo: string;
  contratoId: number;
  body: Record<string, unknown>;
}

export interface SimPrecadastro {
  tipo: 'F' | 'J';
  body: Record<string, unknown>;
}

/** The fixed customers and what each shows (index.ts names them). */
export interface SgpFixtures {
  /** Overdue title, two more open (one fresh, without linha digitável and Pix), a paid and a cancelled one, notas fiscais. */
  overdue: string;
  /** A company (CNPJ) with two contracts, an open title on each, and anotações (one pops up). */
  company: string;
  /** Only paid titles. */
  paidOnly: string;
  /** A contract suspended for debt that can be trust-unlocked, and an active one. */
  unlockable: string;
  /** A suspended contract whose trust unlock of the month was already used. */
  unlockUsed: string;
  /** A contract at reduced speed (status 7) and a cancelled one. */
  reducedSpeed: string;
}

export interface SgpData {
  today: string;
  company: { nome: string; cnpj: string; cidade: string; pixKey: string };
  pops: { id: number; pop: string; cidade: string; uf: string }[];
  portadores: { id: number; descricao: string; banco: string; agencia: string; conta: string }[];
  pontosRecebimento: { id: number; ponto_recebimento: string }[];
  plans: { id: number; descricao: string; valorCents: number; tipo: string }[];
  vencimentos: { id: number; dia: number }[];
  vendedores: { id: number; nome: string }[];
  ocorrenciaTipos: { id: number; descricao: string }[];
  /** URA_PROMESSA_DIAS: days a trust unlock lasts. */
  promessaDias: number;
  /** Trust unlocks allowed per contract per month. */
  promessaLimite: number;
  /** Late-fee rule of the ISP (SGP computes valorCorrigido with it). */
  multaBasisPoints: number;
  jurosMensalBasisPoints: number;
  customers: SimCustomer[];
  contracts: SimContract[];
  titles: SimTitle[];
  notes: SimNote[];
  invoices: SimInvoice[];
  nfcoms: SimNfcom[];
  nfses: SimNfse[];
  tickets: SimTicket[];
  precadastros: SimPrecadastro[];
  crmContracts: { id: number; clienteId: number; body: Record<string, unknown> }[];
  next: { cliente: number; contrato: number; titulo: number; note: number; caixa: number; protocolo: number };
  fixtures: SgpFixtures;
}

export interface SgpSeedOptions {
  seed?: number;
  /** Generated customers on top of the fixed ones. */
  customers?: number;
  /** The seeding day (YYYY-MM-DD); default today in Brazil. */
  today?: string;
}

const FIRST = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elisa', 'Fábio', 'Gabriela', 'Heitor', 'Isabela', 'João'];
const LAST = ['Almeida', 'Barbosa', 'Cardoso', 'Duarte', 'Esteves', 'Ferreira', 'Gonçalves', 'Lacerda'];
const STREETS = ['RUA XV DE NOVEMBRO', 'AVENIDA BRASIL', 'RUA DAS FLORES', 'RUA CORONEL PEDRO'];
const DISTRICTS = ['CENTRO', 'VILA SAO JOSE', 'JARDIM AMERICA', 'BOM JESUS'];

function cpfFrom(base9: number): string {
  const base = String(base9).padStart(9, '0');
  return base + cpfCheckDigits(base);
}

function cnpjFrom(base8: number): string {
  const base = `${String(base8).padStart(8, '0')}0001`;
  return base + cnpjCheckDigits(base);
}

/** The access key's check digit (modulus 11, weights 2..9 from the right). */
function accessKeyDigit(base: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = base.length - 1; i >= 0; i--) {
    sum += Number(base[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

function brDateTime(iso: string, time: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y} ${time}`;
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

class Builder {
  readonly data: SgpData;
  private readonly rand: () => number;

  constructor(seed: number, today: string) {
    this.rand = prng(seed);
    this.data = {
      today,
      company: {
        nome: 'TIBAGI NET TELECOMUNICACOES LTDA',
        cnpj: cnpjFrom(31672840),
        cidade: 'TIBAGI',
        pixKey: 'financeiro@tibaginet.com.br',
      },
      pops: [
        { id: 1, pop: 'CENTRO', cidade: 'TIBAGI', uf: 'PR' },
        { id: 2, pop: 'VILA SAO JOSE', cidade: 'TIBAGI', uf: 'PR' },
        { id: 3, pop: 'TELEMACO BORBA', cidade: 'TELEMACO BORBA', uf: 'PR' },
      ],
      portadores: [
        { id: 1, descricao: 'Banco Local', banco: '999', agencia: '0001', conta: '1' },
        { id: 4, descricao: 'SICOOB', banco: '756', agencia: '4321', conta: '12345' },
      ],
      pontosRecebimento: [
        { id: 1, ponto_recebimento: 'Caixa Local' },
        { id: 3, ponto_recebimento: 'Recebimentos Ponte' },
      ],
      plans: [
        { id: 11, descricao: 'FIBRA 300 MEGA', valorCents: 9990, tipo: 'internet' },
        { id: 12, descricao: 'FIBRA 500 MEGA', valorCents: 12990, tipo: 'internet' },
        { id: 13, descricao: 'FIBRA 1 GIGA', valorCents: 19990, tipo: 'internet' },
        { id: 21, descricao: 'Plano Empresarial 150 Mega', valorCents: 24990, tipo: 'internet' },
      ],
      vencimentos: [
        { id: 1, dia: 5 },
        { id: 2, dia: 10 },
        { id: 3, dia: 15 },
        { id: 4, dia: 20 },
      ],
      vendedores: [
        { id: 1, nome: 'LOJA CENTRO' },
        { id: 2, nome: 'CARLOS VENDEDOR EXTERNO' },
      ],
      ocorrenciaTipos: [
        { id: 1, descricao: 'Instalação' },
        { id: 5, descricao: 'Suporte Técnico' },
        { id: 8, descricao: 'Financeiro' },
        { id: 12, descricao: 'Comercial - Novo Pedido' },
      ],
      promessaDias: 3,
      promessaLimite: 1,
      multaBasisPoints: 200,
      jurosMensalBasisPoints: 100,
      customers: [],
      contracts: [],
      titles: [],
      notes: [],
      invoices: [],
      nfcoms: [],
      nfses: [],
      tickets: [],
      precadastros: [],
      crmContracts: [],
      next: { cliente: 2800, contrato: 10260, titulo: 16080, note: 40, caixa: 900, protocolo: 0 },
      fixtures: {
        overdue: '',
        company: '',
        paidOnly: '',
        unlockable: '',
        unlockUsed: '',
        reducedSpeed: '',
      },
    };
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  customer(
    nome: string,
    cpfcnpj: string,
    extra: Partial<Omit<SimCustomer, 'id' | 'nome' | 'cpfcnpj'>> = {},
  ): SimCustomer {
    const id = ++this.data.next.cliente;
    const since = addDays(this.data.today, -this.int(200, 1500));
    const c: SimCustomer = {
      id,
      nome,
      cpfcnpj,
      tipo: cpfcnpj.length === 14 ? 'J' : 'F',
      dataCadastro: brDateTime(since, `${String(this.int(8, 17)).padStart(2, '0')}:43:25`),
      dataNascimento:
        cpfcnpj.length === 14 ? null : `19${this.int(60, 99)}-0${this.int(1, 9)}-1${this.int(0, 9)}`,
      emails: [`${slug(nome).split('.').slice(0, 2).join('.')}@example.com`],
      telefones: [`(42) 9${this.int(8100, 9899)}-${this.int(1000, 9999)}`],
      contactObjects: false,
      endereco: {
        logradouro: this.pick(STREETS),
        numero: this.int(10, 2000),
        complemento: '',
        bairro: this.pick(DISTRICTS),
        cidade: 'TIBAGI',
        uf: 'PR',
        cep: '84300-000',
      },
      centralSenha: String(this.int(100000, 999999)),
      ...extra,
    };
    this.data.customers.push(c);
    return c;
  }

  contract(customer: SimCustomer, status: ContractStatus, extra: Partial<SimContract> = {}): SimContract {
    const id = ++this.data.next.contrato;
    const k: SimContract = {
      id,
      clienteId: customer.id,
      status,
      motivoStatus: status === 4 || status === 7 ? 'Financeiro' : '',
      planoId: this.pick(this.data.plans.slice(0, 3)).id,
      popId: this.pick(this.data.pops).id,
      vencimentoDia: this.pick(this.data.vencimentos).dia,
      login: `${slug(customer.nome).split('.')[0]}${id}`,
      servicoId: id + 5000,
      promessasMes: 0,
      promessaAte: null,
      ...extra,
    };
    this.data.contracts.push(k);
    return k;
  }

  title(
    contract: SimContract,
    dueOffset: number,
    status: TitleStatus,
    options: { fresh?: boolean; paidOffset?: number; htmlOnly?: boolean } = {},
  ): SimTitle {
    const id = ++this.data.next.titulo;
    const plan = this.data.plans.find((p) => p.id === contract.planoId)!;
    const due = addDays(this.data.today, dueOffset);
    const portador = this.data.portadores[1]!;
    const nosso = `0600000000${String(id).slice(-4)}`;
    const freeField = `${portador.agencia}01${portador.conta.padStart(7, '0')}${nosso.slice(-11)}`
      .slice(0, 25)
      .padEnd(25, '0');
    const barcode = buildBoletoBarcode({
      bank: portador.banco,
      dueDate: due,
      amountCents: plan.valorCents,
      freeField,
    });
    const pix = buildStaticPix({
      key: this.data.company.pixKey,
      amountCents: plan.valorCents,
      txid: `SGPTIT${id}`,
      merchantName: 'TIBAGI NET',
      merchantCity: 'TIBAGI',
    });
    const fresh = options.fresh === true;
    const paid = status === 'Pago' ? addDays(due, options.paidOffset ?? -1) : null;
    const t: SimTitle = {
      id,
      contratoId: contract.id,
      clienteId: contract.clienteId,
      numeroDocumento: id - 13000,
      nossoNumero: nosso,
      status,
      valorCents: plan.valorCents,
      dataEmissao: addDays(due, -20),
      dataVencimento: due,
      dataPagamento: paid,
      valorPagoCents: paid === null ? null : plan.valorCents,
      usuarioBaixa: paid === null ? '' : 'system',
      portadorId: portador.id,
      codigoBarras: barcode,
      linhaDigitavel: fresh ? '' : barcodeToLine(barcode),
      codigoPix: fresh ? '' : pix,
      pixOnDemand: pix,
      hash: `${id - 13000}-${this.code(10)}`,
      htmlOnly: options.htmlOnly === true,
      baixas: [],
    };
    this.data.titles.push(t);
    return t;
  }

  note(
    customer: SimCustomer,
    contract: SimContract | null,
    anotacao: string,
    alertaModo: number | null,
  ): void {
    this.data.notes.push({
      id: ++this.data.next.note,
      clienteId: customer.id,
      contratoId: contract?.id ?? null,
      anotacao,
      alertaModo,
      dataCadastro: brDateTime(addDays(this.data.today, -this.int(5, 90)), '12:13:14'),
    });
  }

  invoice(contract: SimContract, monthsAgo: number, cancelled = false): void {
    const id = 300 + this.data.invoices.length + 1;
    const plan = this.data.plans.find((p) => p.id === contract.planoId)!;
    const issued = addDays(this.data.today, -30 * monthsAgo);
    this.data.invoices.push({
      id,
      contratoId: contract.id,
      numero: 1000 + id,
      serie: '00U',
      modelo: '21',
      valorCents: plan.valorCents,
      dataEmissao: issued,
      cancelada: cancelled ? `${addDays(issued, 2)} 10:00:00` : null,
      uuid: `0c9d416d-${String(id).padStart(4, '0')}-4a1b-9c2d-a7f01a4be8e6`,
    });
  }

  nfcom(contract: SimContract, monthsAgo: number, cancelled = false): void {
    const id = 210 + this.data.nfcoms.length + 1;
    const plan = this.data.plans.find((p) => p.id === contract.planoId)!;
    const issued = addDays(this.data.today, -30 * monthsAgo);
    const numero = 220 + this.data.nfcoms.length + 1;
    const serie = '2';
    const base =
      `41${issued.slice(2, 4)}${issued.slice(5, 7)}${this.data.company.cnpj}62` +
      `${serie.padStart(3, '0')}${String(numero).padStart(9, '0')}1${String(id * 7919)
        .padStart(8, '0')
        .slice(-8)}`;
    this.data.nfcoms.push({
      id,
      contratoId: contract.id,
      numero,
      serie,
      chave: base + String(accessKeyDigit(base)),
      status: cancelled ? '8' : '1',
      dataEmissao: `${issued} 14:12:01`,
      valorCents: plan.valorCents,
    });
  }

  nfse(contract: SimContract, monthsAgo: number): void {
    const plan = this.data.plans.find((p) => p.id === contract.planoId)!;
    this.data.nfses.push({
      id: 219960 + this.data.nfses.length + 1,
      contratoId: contract.id,
      rps: 851690 + this.data.nfses.length + 1,
      serie: 'UNICA',
      valorCents: plan.valorCents,
      data: `${addDays(this.data.today, -30 * monthsAgo)}T10:42:37.132373`,
    });
  }

  private code(length: number): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    return Array.from({ length }, () => this.pick([...alphabet])).join('');
  }

  fixtures(): void {
    const f = this.data.fixtures;

    const maria = this.customer('MARIA APARECIDA DOS SANTOS', cpfFrom(248386290), {
      emails: ['maria.santos@example.com', 'MARIA.SANTOS@example.com'],
      telefones: ['(42) 99876-5432', '(42) 3275-1100'],
      endereco: {
        logradouro: 'RUA XV DE NOVEMBRO',
        numero: 1302,
        complemento: '08 VERDE',
        bairro: 'VILA SAO JOSE',
        cidade: 'TIBAGI',
        uf: 'PR',
        cep: '84300-000',
      },
    });
    const k1 = this.contract(maria, 1, { planoId: 12 });
    this.title(k1, -25, 'Gerado');
    this.title(k1, 5, 'Gerado', { fresh: true });
    this.title(k1, 35, 'Gerado', { htmlOnly: true });
    this.title(k1, -55, 'Pago', { paidOffset: 0 });
    this.title(k1, -40, 'Cancelado');
    this.invoice(k1, 2);
    this.invoice(k1, 1);
    this.nfcom(k1, 0);
    f.overdue = maria.cpfcnpj;

    const company = this.customer('SILVA E ROCHA DISTRIBUIDORA LTDA', cnpjFrom(67897733), {
      emails: ['financeiro@silvaerocha.example.com'],
      telefones: ['(42) 3275-2200', '(42) 99911-2233'],
      contactObjects: true,
    });
    const c1 = this.contract(company, 1, { planoId: 21 });
    const c2 = this.contract(company, 1, { planoId: 11, popId: 3 });
    this.title(c1, -3, 'Gerado');
    this.title(c2, 12, 'Gerado');
    this.nfse(c1, 1);
    this.note(company, c1, 'Cliente exige nota fiscal com CNPJ da matriz', 1);
    this.note(company, null, 'Falar somente com o responsável financeiro (Sr. Rocha)', null);
    f.company = company.cpfcnpj;

    const paid = this.customer('JOSE CARLOS PEREIRA', cpfFrom(317254980));
    const p1 = this.contract(paid, 1);
    this.title(p1, -60, 'Pago', { paidOffset: -2 });
    this.title(p1, -30, 'Pago', { paidOffset: 0 });
    this.title(p1, 0, 'Pago', { paidOffset: -1 });
    f.paidOnly = paid.cpfcnpj;

    const unlock = this.customer('ANTONIO MARCOS LIMA', cpfFrom(419803216));
    const u1 = this.contract(unlock, 4, { planoId: 11 });
    this.contract(unlock, 1, { planoId: 13 });
    this.title(u1, -40, 'Gerado');
    f.unlockable = unlock.cpfcnpj;

    const used = this.customer('FERNANDA OLIVEIRA COSTA', cpfFrom(527190364));
    const us1 = this.contract(used, 4, { promessasMes: 1 });
    this.title(us1, -38, 'Gerado');
    f.unlockUsed = used.cpfcnpj;

    const slow = this.customer('ROBERTO ALVES NUNES', cpfFrom(603817295));
    const s1 = this.contract(slow, 7);
    this.contract(slow, 3, { motivoStatus: 'Mudança de endereço' });
    this.title(s1, -20, 'Gerado');
    f.reducedSpeed = slow.cpfcnpj;
  }

  random(count: number): void {
    for (let i = 0; i < count; i++) {
      const name = `${this.pick(FIRST)} ${this.pick(LAST)} ${this.pick(LAST)}`.toUpperCase();
      const doc = cpfFrom(700000000 + this.int(1, 99_999_999) + i);
      if (this.data.customers.some((c) => c.cpfcnpj === doc)) continue;
      const customer = this.customer(name, doc);
      const status = this.pick<ContractStatus>([1, 1, 1, 1, 4, 7, 3]);
      const contract = this.contract(customer, status);
      for (let m = 3; m >= 1; m--) this.title(contract, -30 * m, 'Pago', { paidOffset: -this.int(0, 3) });
      this.title(contract, this.int(-20, 25), 'Gerado', { fresh: this.rand() < 0.3 });
    }
  }
}

export function seedSgp(options: SgpSeedOptions = {}): SgpData {
  const builder = new Builder(options.seed ?? 1, options.today ?? todayInBrazil());
  builder.fixtures();
  builder.random(options.customers ?? 40);
  return builder.data;
}
