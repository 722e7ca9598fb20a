// Deterministic, realistic data for the Hubsoft simulator: the ISP's configuration lists (caixas,
// meios de pagamento, tipos de atendimento, vencimentos, vendedores, origens, serviços, cidades),
// customers with their services, faturas with valid boletos and Pix codes, notas fiscais, and the
// fixed customers the provider contract suite plays its roles with. Dates are offsets from the
// seeding day, so "overdue" and "due soon" stay true whenever the simulator starts.
import { addDays, todayInBrazil } from '../../src/brasil/dates.js';
import { cnpjCheckDigits, cpfCheckDigits } from '../../src/brasil/document.js';
import { barcodeToLine, buildBoletoBarcode, formatBoletoLine } from '../../src/brasil/boleto.js';
import { buildStaticPix } from '../../src/brasil/pix.js';
import { prng } from '../shared/prng.js';

export type ServiceStatus =
  | 'servico_habilitado'
  | 'suspenso_debito'
  | 'suspenso_parcialmente'
  | 'suspenso_pedido_cliente'
  | 'aguardando_instalacao'
  | 'cancelado';

export interface SimAddress {
  endereco: string;
  numero: string;
  complemento: string;
  bairro: string;
  cep: string;
  cidade: string;
  estado: string;
  uf: string;
}

export interface SimCustomer {
  id_cliente: number;
  codigo_cliente: number;
  nome_razaosocial: string;
  nome_fantasia: string | null;
  tipo_pessoa: 'pf' | 'pj';
  cpf_cnpj: string;
  telefone_primario: string;
  telefone_secundario: string | null;
  telefone_terciario: string;
  email_principal: string | null;
  email_secundario: string | null;
  rg: string | null;
  /** YYYY-MM-DD HH:MM:SS */
  data_cadastro: string;
  /** YYYY-MM-DD, or null (Hubsoft then prints the epoch artifact 1969-12-31). */
  data_nascimento: string | null;
  ativo: boolean;
  alertas: string[];
}

export interface SimService {
  id_cliente_servico: number;
  id_cliente: number;
  numero_plano: number;
  id_servico: number;
  nome: string;
  valorCents: number;
  status: ServiceStatus;
  tecnologia: string;
  login: string;
  endereco: SimAddress;
  ultimoDesbloqueio: string | null;
  desbloqueadoAte: string | null;
}

export interface SimCharge {
  id_cobranca: number;
  descricao: string;
  valorCents: number;
}

export interface SimReceipt {
  id_recibo: number;
  numero_recibo: string;
  id_caixa_financeiro: number;
  meio_pagamento: string;
  valorCents: number;
  tarifaCents: number;
  data_pagamento: string;
  data_credito: string;
  data_cadastro: string;
}

export interface SimBill {
  id_fatura: number;
  id_cliente: number;
  id_cliente_servico: number;
  nosso_numero: string;
  valorCents: number;
  data_vencimento: string;
  data_cadastro: string;
  data_pagamento: string | null;
  data_credito: string | null;
  valorPagoCents: number | null;
  tipo_cobranca: 'boleto_bancario' | 'debito_conta_corrente';
  codigo_barras: string | null;
  /** As Hubsoft prints it: formatted with dots and spaces. */
  linha_digitavel: string | null;
  pix: string | null;
  /** The path part of the bill's public PDF link. */
  hash: string;
  cobrancas: SimCharge[];
  recibos: SimReceipt[];
}

export interface SimInvoice {
  kind: 'telecom' | 'nfse';
  id: number;
  id_cliente: number;
  numero: number;
  serie: string;
  modelo: '21' | '22' | null;
  valorCents: number;
  data_emissao: string;
  cancelado: boolean;
  hash: string;
}

export interface SimProspect {
  id_prospecto: number;
  body: Record<string, unknown>;
  nome_razaosocial: string;
  cpf_cnpj: string | null;
  created_at: string;
}

export interface SimTicket {
  id_atendimento: number;
  protocolo: string;
  id_cliente_servico: number;
  body: Record<string, unknown>;
  created_at: string;
}

export interface SimCity {
  id_cidade: number;
  nome: string;
  uf: string;
  ibge: string;
  cepFrom: string;
  cepTo: string;
  /** Services sold in this city (prospecto/create?cep=). */
  servicos: number[];
}

export interface SimPlan {
  id_servico: number;
  descricao: string;
  valorCents: number;
  tecnologia: { id: number; descricao: string };
  download: number;
  upload: number;
}

export interface SimCompany {
  id_empresa: number;
  nome_razaosocial: string;
  cnpj: string;
  cidade: string;
  bank: { code: string; name: string; agencia: string; conta: string; convenio: string };
  juros: number;
  multa: number;
}

/** The customers the provider contract suite plays its roles with. */
export interface HubsoftFixtures {
  /** Three open bills (one overdue), paid history, notas fiscais. */
  withBills: string;
  /** A company (CNPJ) with two open bills and two alerts. */
  otherWithBills: string;
  /** Only paid bills. */
  withoutBills: string;
  /** One service suspended for debt (trust unlock allowed) and one enabled. */
  unlockable: string;
  /** Alerts (alerta_mensagens). */
  withNotes: string;
  /** Notas fiscais model 21 and an NFS-e. */
  withInvoices: string;
}

export interface HubsoftData {
  today: string;
  company: SimCompany;
  caixas: { id_caixa_financeiro: number; descricao: string }[];
  meiosPagamento: { descricao: string; prefixo: string }[];
  tiposAtendimento: { id_tipo_atendimento: number; descricao: string }[];
  vencimentos: { id_vencimento: number; dia_vencimento: number | 'ultimo_dia' }[];
  vendedores: { id: number; name: string }[];
  origens: { id_origem_cliente: number; descricao: string }[];
  motivos: { id_motivo_contratacao: number; descricao: string }[];
  crms: { id_crm: number; nome: string }[];
  plans: SimPlan[];
  cities: SimCity[];
  customers: SimCustomer[];
  services: SimService[];
  bills: SimBill[];
  invoices: SimInvoice[];
  prospects: SimProspect[];
  tickets: SimTicket[];
  /** The admin panel's rules for desbloqueio em confiança. */
  trustUnlock: { maxDays: number; periodDays: number };
  next: { prospect: number; ticket: number; receipt: number; charge: number };
  fixtures: HubsoftFixtures;
}

export interface HubsoftSeedOptions {
  seed?: number;
  /** Generated customers on top of the fixed ones. */
  customers?: number;
  /** The seeding day (YYYY-MM-DD); defaults to today in Brazil. */
  today?: string;
}

const FIRST = [
  'Ana',
  'Bruno',
  'Carla',
  'Diego',
  'Elisa',
  'Fábio',
  'Gabriela',
  'Heitor',
  'Isabela',
  'João',
  'Larissa',
  'Marcos',
  'Natália',
  'Otávio',
  'Paula',
  'Rafael',
  'Sabrina',
  'Tiago',
  'Vanessa',
  'Wagner',
];
const LAST = [
  'Almeida',
  'Barbosa',
  'Cardoso',
  'Duarte',
  'Esteves',
  'Ferreira',
  'Gonçalves',
  'Lacerda',
  'Moreira',
  'Nascimento',
  'Oliveira',
  'Pereira',
  'Queiroz',
  'Rezende',
  'Silveira',
  'Teixeira',
];
const STREETS = [
  'RUA GOIÁS',
  'RUA MINAS GERAIS',
  'AVENIDA PRIMEIRO DE JUNHO',
  'RUA SÃO PAULO',
  'PRAÇA GETÚLIO VARGAS',
  'RUA PERNAMBUCO',
  'AVENIDA JK',
  'RUA DO ROSÁRIO',
];
const DISTRICTS = [
  'CENTRO',
  'IPIRANGA',
  'PORTO VELHO',
  'SANTO ANTÔNIO',
  'BELA VISTA',
  'NOSSA SENHORA DAS GRAÇAS',
];

const PLANS: SimPlan[] = [
  {
    id_servico: 1301,
    descricao: 'FIBRA 300 MEGA',
    valorCents: 9990,
    tecnologia: { id: 2, descricao: 'FIBRA' },
    download: 307200,
    upload: 153600,
  },
  {
    id_servico: 1302,
    descricao: 'FIBRA 500 MEGA',
    valorCents: 12990,
    tecnologia: { id: 2, descricao: 'FIBRA' },
    download: 512000,
    upload: 256000,
  },
  {
    id_servico: 1303,
    descricao: 'FIBRA 1 GIGA',
    valorCents: 19990,
    tecnologia: { id: 2, descricao: 'FIBRA' },
    download: 1024000,
    upload: 512000,
  },
  {
    id_servico: 1304,
    descricao: 'COMBO 500 MEGA + TV',
    valorCents: 17990,
    tecnologia: { id: 2, descricao: 'FIBRA' },
    download: 512000,
    upload: 256000,
  },
  {
    id_servico: 1305,
    descricao: 'EMPRESARIAL 600 MEGA + IP FIXO',
    valorCents: 29990,
    tecnologia: { id: 2, descricao: 'FIBRA' },
    download: 614400,
    upload: 307200,
  },
  {
    id_servico: 1260,
    descricao: 'RADIO 20 MEGA',
    valorCents: 6990,
    tecnologia: { id: 1, descricao: 'WIRELESS' },
    download: 20480,
    upload: 4096,
  },
];

const FIBER = [1301, 1302, 1303, 1304, 1305];

const CITIES: SimCity[] = [
  {
    id_cidade: 1427,
    nome: 'Divinópolis',
    uf: 'MG',
    ibge: '3122306',
    cepFrom: '35500000',
    cepTo: '35504999',
    servicos: FIBER,
  },
  {
    id_cidade: 2381,
    nome: 'Santo Antônio do Monte',
    uf: 'MG',
    ibge: '3160405',
    cepFrom: '35560000',
    cepTo: '35564999',
    servicos: [...FIBER, 1260],
  },
  {
    id_cidade: 2102,
    nome: 'Nova Serrana',
    uf: 'MG',
    ibge: '3145208',
    cepFrom: '35519000',
    cepTo: '35519999',
    servicos: [1301, 1302, 1260],
  },
  {
    id_cidade: 4810,
    nome: 'Campinas',
    uf: 'SP',
    ibge: '3509502',
    cepFrom: '13000001',
    cepTo: '13139999',
    servicos: FIBER,
  },
];

const UF_NAMES: Record<string, string> = { MG: 'MINAS GERAIS', SP: 'SÃO PAULO' };

function cpfFrom(base9: number): string {
  const base = String(base9).padStart(9, '0');
  return base + cpfCheckDigits(base);
}

function cnpjFrom(base8: number): string {
  const base = `${String(base8).padStart(8, '0')}0001`;
  return base + cnpjCheckDigits(base);
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

/** The bill's public PDF path, like Hubsoft's older links: base64 of base64 of the id. */
export function billHash(id: number): string {
  return Buffer.from(Buffer.from(String(id)).toString('base64')).toString('base64');
}

class Builder {
  readonly data: HubsoftData;
  private readonly rand: () => number;
  private ids = {
    cliente: 11200,
    codigo: 420,
    servico: 22700,
    fatura: 36400,
    nosso: 272100,
    nota: 3060,
    nfse: 100,
    cobranca: 25000,
    recibo: 2500,
  };

  constructor(seed: number, today: string) {
    this.rand = prng(seed);
    this.data = {
      today,
      company: {
        id_empresa: 37,
        nome_razaosocial: 'MINAS FIBRA TELECOMUNICAÇÕES LTDA',
        cnpj: cnpjFrom(22385367),
        cidade: 'Divinopolis',
        bank: { code: '756', name: 'SICOOB', agencia: '3166', conta: '67261', convenio: '0100672' },
        juros: 1,
        multa: 2,
      },
      caixas: [
        { id_caixa_financeiro: 123, descricao: 'CAIXA BANCO SICOOB' },
        { id_caixa_financeiro: 139, descricao: 'CAIXA PIX' },
        { id_caixa_financeiro: 143, descricao: 'CAIXA CARTÃO DE CRÉDITO' },
      ],
      meiosPagamento: [
        { descricao: 'Boleto', prefixo: 'boleto' },
        { descricao: 'Cartão de Crédito', prefixo: 'cartao_credito' },
        { descricao: 'Cartão de Débito', prefixo: 'cartao_debito' },
        { descricao: 'Cheque', prefixo: 'cheque' },
        { descricao: 'Débito Automático', prefixo: 'debito_automatico' },
        { descricao: 'Dinheiro', prefixo: 'dinheiro' },
        { descricao: 'PIX', prefixo: 'pix' },
        { descricao: 'Transferência Bancária', prefixo: 'transferencia_bancaria' },
      ],
      tiposAtendimento: [
        { id_tipo_atendimento: 1, descricao: 'SAC' },
        { id_tipo_atendimento: 109, descricao: 'SEM ACESSO A INTERNET' },
        { id_tipo_atendimento: 111, descricao: 'OSCILAÇÃO/QUEDAS DE CONEXÃO' },
        { id_tipo_atendimento: 115, descricao: 'FINANCEIRO' },
        { id_tipo_atendimento: 120, descricao: 'VENDAS / UPGRADE DE PLANO' },
      ],
      vencimentos: [
        { id_vencimento: 22, dia_vencimento: 1 },
        { id_vencimento: 23, dia_vencimento: 5 },
        { id_vencimento: 61, dia_vencimento: 10 },
        { id_vencimento: 63, dia_vencimento: 15 },
        { id_vencimento: 3, dia_vencimento: 20 },
        { id_vencimento: 4, dia_vencimento: 25 },
        { id_vencimento: 7, dia_vencimento: 'ultimo_dia' },
      ],
      vendedores: [
        { id: 7811, name: 'Alexsander Ribeiro' },
        { id: 5271, name: 'André Junior ' },
        { id: 4801, name: 'Andressa Vargas' },
        { id: 7805, name: 'Camila Melo' },
      ],
      origens: [
        { id_origem_cliente: 1, descricao: 'Instagram' },
        { id_origem_cliente: 2, descricao: 'Facebook' },
        { id_origem_cliente: 3, descricao: 'Indicação de cliente' },
        { id_origem_cliente: 4, descricao: 'Site' },
      ],
      motivos: [
        { id_motivo_contratacao: 1, descricao: 'Indicação' },
        { id_motivo_contratacao: 2, descricao: 'Promoção' },
      ],
      crms: [
        { id_crm: 1, nome: 'CRM - VENDAS' },
        { id_crm: 201, nome: 'PROSPECTOS-API' },
      ],
      plans: PLANS,
      cities: CITIES,
      customers: [],
      services: [],
      bills: [],
      invoices: [],
      prospects: [],
      tickets: [],
      trustUnlock: { maxDays: 3, periodDays: 30 },
      next: { prospect: 100, ticket: 300, receipt: 2600, charge: 30000 },
      fixtures: {
        withBills: '',
        otherWithBills: '',
        withoutBills: '',
        unlockable: '',
        withNotes: '',
        withInvoices: '',
      },
    };
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }

  address(cityIndex: number, street?: string, numero?: string): SimAddress {
    const city = CITIES[cityIndex]!;
    const cep = String(Number(city.cepFrom) + this.int(10, 900)).padStart(8, '0');
    return {
      endereco: street ?? this.pick(STREETS),
      numero: numero ?? String(this.int(10, 2500)),
      complemento: this.rand() < 0.3 ? `APTO ${this.int(101, 904)}` : '',
      bairro: this.pick(DISTRICTS),
      cep,
      cidade: city.nome,
      estado: city.uf,
      uf: UF_NAMES[city.uf]!,
    };
  }

  customer(
    fields: Partial<SimCustomer> & Pick<SimCustomer, 'nome_razaosocial' | 'cpf_cnpj'>,
    daysAgo: number,
  ): SimCustomer {
    const id = ++this.ids.cliente;
    const pj = fields.cpf_cnpj.length === 14;
    const email = `${slug(fields.nome_razaosocial).split('.').slice(0, 2).join('.')}@${pj ? 'empresa.com.br' : 'gmail.com'}`;
    const customer: SimCustomer = {
      id_cliente: id,
      codigo_cliente: ++this.ids.codigo,
      nome_fantasia: null,
      tipo_pessoa: pj ? 'pj' : 'pf',
      telefone_primario: `37${this.int(988000000, 999999999)}`,
      telefone_secundario: this.rand() < 0.4 ? `373${this.int(2210000, 4159999)}` : null,
      telefone_terciario: '',
      email_principal: email,
      email_secundario: null,
      rg: pj ? null : `MG${this.int(10000000, 19999999)}`,
      data_cadastro: `${addDays(this.data.today, -daysAgo)} ${String(this.int(8, 18)).padStart(2, '0')}:${String(this.int(0, 59)).padStart(2, '0')}:00`,
      data_nascimento: pj
        ? null
        : `${this.int(1950, 2003)}-${String(this.int(1, 12)).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`,
      ativo: true,
      alertas: [],
      ...fields,
    };
    this.data.customers.push(customer);
    return customer;
  }

  service(customer: SimCustomer, planId: number, status: ServiceStatus, address: SimAddress): SimService {
    const plan = PLANS.find((p) => p.id_servico === planId)!;
    const numero = this.data.services.filter((s) => s.id_cliente === customer.id_cliente).length + 1;
    const service: SimService = {
      id_cliente_servico: ++this.ids.servico,
      id_cliente: customer.id_cliente,
      numero_plano: numero,
      id_servico: plan.id_servico,
      nome: plan.descricao,
      valorCents: plan.valorCents,
      status,
      tecnologia: plan.tecnologia.descricao,
      login: `${slug(customer.nome_razaosocial).replace(/\./g, '').slice(0, 14)}${customer.cpf_cnpj.slice(0, 4)}`,
      endereco: address,
      ultimoDesbloqueio: null,
      desbloqueadoAte: null,
    };
    this.data.services.push(service);
    return service;
  }

  /** A monthly bill due `dueOffset` days from today; paid `paidOffset` days from today when given. */
  bill(
    service: SimService,
    dueOffset: number,
    paidOffset: number | null,
    options: { debit?: boolean } = {},
  ): SimBill {
    const id = ++this.ids.fatura;
    const due = addDays(this.data.today, dueOffset);
    const nosso = String(++this.ids.nosso);
    const { bank } = this.data.company;
    const debit = options.debit === true;
    const freeField = `1${bank.agencia}01${bank.convenio}${nosso.padStart(8, '0')}001`
      .slice(0, 25)
      .padEnd(25, '0');
    const barcode = debit
      ? null
      : buildBoletoBarcode({ bank: bank.code, dueDate: due, amountCents: service.valorCents, freeField });
    const paid = paidOffset === null ? null : addDays(this.data.today, paidOffset);
    const periodStart = addDays(due, -40);
    const bill: SimBill = {
      id_fatura: id,
      id_cliente: service.id_cliente,
      id_cliente_servico: service.id_cliente_servico,
      nosso_numero: nosso,
      valorCents: service.valorCents,
      data_vencimento: due,
      data_cadastro: `${addDays(due, -15)} 03:12:${String(this.int(10, 59))}`,
      data_pagamento: paid,
      data_credito: paid === null ? null : addDays(paid, 1),
      valorPagoCents: paid === null ? null : service.valorCents,
      tipo_cobranca: debit ? 'debito_conta_corrente' : 'boleto_bancario',
      codigo_barras: barcode,
      linha_digitavel: barcode === null ? null : formatBoletoLine(barcodeToLine(barcode)),
      pix:
        paid !== null || debit
          ? null
          : buildStaticPix({
              key: this.data.company.cnpj,
              amountCents: service.valorCents,
              txid: `HUBFAT${id}`,
              merchantName: 'MINAS FIBRA TELECOM',
              merchantCity: 'DIVINOPOLIS',
            }),
      hash: billHash(id),
      cobrancas: [
        {
          id_cobranca: ++this.ids.cobranca,
          descricao: `Serviço de Comunicação Multimídia - ${service.nome} (${periodStart.split('-').reverse().join('/')}) até (${addDays(periodStart, 29).split('-').reverse().join('/')})`,
          valorCents: service.valorCents,
        },
      ],
      recibos: [],
    };
    if (paid !== null) {
      bill.recibos.push({
        id_recibo: ++this.ids.recibo,
        numero_recibo: `${id.toString(16)}${nosso}`,
        id_caixa_financeiro: 123,
        meio_pagamento: 'boleto',
        valorCents: service.valorCents,
        tarifaCents: 0,
        data_pagamento: paid,
        data_credito: addDays(paid, 1),
        data_cadastro: `${paid} 10:00:00`,
      });
    }
    this.data.bills.push(bill);
    return bill;
  }

  invoice(
    customer: SimCustomer,
    kind: 'telecom' | 'nfse',
    valorCents: number,
    daysAgo: number,
    cancelado = false,
  ): void {
    const id = kind === 'telecom' ? ++this.ids.nota : ++this.ids.nfse;
    this.data.invoices.push({
      kind,
      id,
      id_cliente: customer.id_cliente,
      numero: kind === 'telecom' ? id - 2600 : 14800 + id,
      serie: kind === 'telecom' ? 'U' : '1',
      modelo: kind === 'telecom' ? '21' : null,
      valorCents,
      data_emissao: addDays(this.data.today, -daysAgo),
      cancelado,
      hash: Buffer.from(`${kind}:${id}`).toString('base64url'),
    });
  }

  fixtures(): void {
    const f = this.data.fixtures;

    const maria = this.customer(
      { nome_razaosocial: 'MARIA DAS GRAÇAS FONSECA', cpf_cnpj: cpfFrom(318450271) },
      900,
    );
    const mariaService = this.service(maria, 1302, 'servico_habilitado', this.address(0, 'RUA GOIÁS', '86'));
    this.bill(mariaService, -95, -96);
    this.bill(mariaService, -65, -64);
    this.bill(mariaService, -35, -30);
    this.bill(mariaService, -5, null);
    this.bill(mariaService, 25, null);
    this.bill(mariaService, 55, null);
    this.invoice(maria, 'telecom', 12990, 94);
    this.invoice(maria, 'telecom', 12990, 64);
    this.invoice(maria, 'telecom', 12990, 30);
    this.invoice(maria, 'nfse', 1500, 20);
    f.withBills = maria.cpf_cnpj;
    f.withInvoices = maria.cpf_cnpj;

    const padaria = this.customer(
      {
        nome_razaosocial: 'PADARIA PÃO DE MINAS LTDA',
        nome_fantasia: 'PÃO DE MINAS',
        cpf_cnpj: cnpjFrom(41483316),
        alertas: [
          'Cliente com negociação de débito em andamento: consultar o financeiro antes de qualquer bloqueio',
          'Equipamento em comodato: ONU e roteador devem ser recolhidos em caso de cancelamento',
        ],
      },
      1400,
    );
    const padariaService = this.service(
      padaria,
      1305,
      'servico_habilitado',
      this.address(1, 'PRAÇA GETÚLIO VARGAS', '77'),
    );
    this.bill(padariaService, -40, -38);
    this.bill(padariaService, -10, null);
    this.bill(padariaService, 20, null);
    f.otherWithBills = padaria.cpf_cnpj;
    f.withNotes = padaria.cpf_cnpj;

    const joao = this.customer(
      { nome_razaosocial: 'JOÃO BATISTA NOGUEIRA', cpf_cnpj: cpfFrom(204718395), data_nascimento: null },
      300,
    );
    const joaoService = this.service(joao, 1301, 'servico_habilitado', this.address(2));
    this.bill(joaoService, -60, -61);
    this.bill(joaoService, -30, -30);
    this.bill(joaoService, 0, -2, { debit: true });
    f.withoutBills = joao.cpf_cnpj;

    const lucas = this.customer(
      { nome_razaosocial: 'LUCAS THADEU MARTINS', cpf_cnpj: cpfFrom(105988056) },
      700,
    );
    const blocked = this.service(lucas, 1302, 'suspenso_debito', this.address(0));
    this.service(lucas, 1260, 'servico_habilitado', this.address(1));
    this.bill(blocked, -50, null);
    this.bill(blocked, -20, null);
    f.unlockable = lucas.cpf_cnpj;
  }

  random(count: number): void {
    const statuses: ServiceStatus[] = [
      'servico_habilitado',
      'servico_habilitado',
      'servico_habilitado',
      'servico_habilitado',
      'suspenso_debito',
      'suspenso_parcialmente',
      'suspenso_pedido_cliente',
      'aguardando_instalacao',
      'cancelado',
    ];
    for (let i = 0; i < count; i++) {
      const pj = this.rand() < 0.15;
      const name = pj
        ? `${this.pick(LAST).toUpperCase()} ${this.pick(['COMÉRCIO', 'SERVIÇOS', 'CALÇADOS', 'TRANSPORTES'])} LTDA`
        : `${this.pick(FIRST)} ${this.pick(LAST)} ${this.pick(LAST)}`.toUpperCase();
      let document = pj ? cnpjFrom(this.int(10000000, 99999999)) : cpfFrom(this.int(100000000, 999999999));
      if (document === '52998224725' || this.data.customers.some((c) => c.cpf_cnpj === document))
        document = cpfFrom(100000000 + i);
      const status = this.pick(statuses);
      const customer = this.customer(
        { nome_razaosocial: name, cpf_cnpj: document, ativo: status !== 'cancelado' },
        this.int(30, 2500),
      );
      const service = this.service(
        customer,
        this.pick(PLANS).id_servico,
        status,
        this.address(this.int(0, CITIES.length - 1)),
      );
      if (status === 'aguardando_instalacao') continue;
      const months = this.int(1, 6);
      for (let m = months; m >= 0; m--) {
        const due = -30 * m + this.int(-3, 3);
        const open = status === 'suspenso_debito' ? m <= 1 : m === 0 && this.rand() < 0.6;
        this.bill(service, due, open || status === 'cancelado' ? null : due - this.int(0, 4));
      }
      if (this.rand() < 0.5) this.invoice(customer, 'telecom', service.valorCents, this.int(5, 50));
    }
  }
}

/** Builds the simulator's data: the same options give the same data. */
export function seedHubsoft(options: HubsoftSeedOptions = {}): HubsoftData {
  const builder = new Builder(options.seed ?? 1, options.today ?? todayInBrazil());
  builder.fixtures();
  builder.random(options.customers ?? 40);
  return builder.data;
}
