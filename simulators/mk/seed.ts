// Deterministic data for the MK Solutions (MK30) simulator: pessoas (several registrations may
// share one CPF/CNPJ, as MK allows), contracts, connections (blocking lives on the connection),
// open and paid faturas with valid boletos and Pix codes, and the code lists atendimentos need.
// Fixed test customers play the contract suite's roles; fillers come from a seeded PRNG. Dates
// are offsets from the seeding day, so "overdue" stays true whenever the simulator starts.
import { addDays, todayInBrazil } from '../../src/brasil/dates.js';
import { cnpjCheckDigits, cpfCheckDigits } from '../../src/brasil/document.js';
import { barcodeToLine, buildBoletoBarcode, formatBoletoLine } from '../../src/brasil/boleto.js';
import { buildStaticPix } from '../../src/brasil/pix.js';
import { prng } from '../shared/prng.js';

export interface MkPessoa {
  CodigoPessoa: number;
  /** Digits. */
  doc: string;
  Nome: string;
  Email: string;
  /** Digits only, as recorded. */
  Fone: string;
  /** One string, "street, number - district, city" as recorded. */
  Endereco: string;
  /** 8 digits, no dash. */
  CEP: string;
  /** Some installs send these, others do not (clients.md §5.1 vs §5.3). */
  coordinates: { Latitude: string; Longitude: string } | null;
  Situacao: 'Ativo' | 'Inativo';
}

export interface MkContract {
  codcontrato: number;
  CodigoPessoa: number;
  plano_acesso: string;
  /** yyyy-mm-dd. */
  adesao: string;
  /** unverified: the recorded key exists, its value form is not recorded; a day of month here. */
  previsao_vencimento: string;
  /** Only active contracts are listed by WSMKContratosPorCliente. */
  ativo: boolean;
}

export interface MkConnection {
  codconexao: number;
  CodigoPessoa: number;
  /** null: a connection not tied to a contract (a later SDK release allows it). */
  contrato: number | null;
  bloqueada: boolean;
  esta_reduzida: boolean;
  motivo_bloqueio: string | null;
  endereco: string;
  cep: string;
  username: string;
  mac_address: string;
  tecnologia: string;
  /** yyyy-mm-dd. */
  cadastro: string;
  /** yyyy-mm (Brazil) of the last auto-unlock: MK allows one per connection per month. */
  lastUnlockMonth: string | null;
}

export interface MkBill {
  codfatura: number;
  CodigoPessoa: number;
  codcontrato: number | null;
  descricao: string;
  valorCents: number;
  /** yyyy-mm-dd. */
  vencimento: string;
  emissao: string;
  paidOn: string | null;
  /** The formatted linha digitável, or null (no boleto registered). */
  ld: string | null;
  /** Pix copia e cola, or null (the account has no Pix: the service answers an error). */
  pix: string | null;
  hash: string;
  /** The 2ª via has no PathDownload (unverified: how MK answers a bill whose PDF it cannot make). */
  noPdf: boolean;
}

export interface MkCodeLists {
  processos: {
    codprocesso: number;
    nome_processo: string;
    subprocessos: { codsubprocesso: number; nome: string }[];
  }[];
  classificacoes: { codigo: number; descricao: string; encerramento: 'Sim' | 'Não' }[];
  tiposOS: { codostipo: number; descricao: string }[];
  equipes: { cd_mestre: number; descricao: string }[];
}

export interface MkFixtures {
  withBills: string;
  otherWithBills: string;
  withoutBills: string;
  unlockable: string;
  reduced: string;
  noContract: string;
  brokenLine: string;
  /** CodigoPessoa of the ISP's own registration that collects leads (the tenant's lead_customer_id). */
  leadHolderCode: string;
}

export interface MkData {
  today: string;
  company: { name: string; cnpj: string; bank: { code: string; agencia: string; convenio: string } };
  pessoas: MkPessoa[];
  contracts: MkContract[];
  connections: MkConnection[];
  bills: MkBill[];
  codes: MkCodeLists;
  fixtures: MkFixtures;
}

export interface MkSeedOptions {
  today?: string;
  customers?: number;
  seed?: number;
}

function cpfFrom(base9: number): string {
  const base = String(base9).padStart(9, '0');
  return base + cpfCheckDigits(base);
}

function cnpjFrom(base8: number): string {
  const base = `${String(base8).padStart(8, '0')}0001`;
  return base + cnpjCheckDigits(base);
}

const PLANS = ['FIBRA 300 MEGA', 'FIBRA 500 MEGA', 'FIBRA 1 GIGA', 'RÁDIO 20 MEGA'];
const PRICES: Record<string, number> = {
  'FIBRA 300 MEGA': 9990,
  'FIBRA 500 MEGA': 12990,
  'FIBRA 1 GIGA': 19990,
  'RÁDIO 20 MEGA': 7990,
};
const FIRST = ['ANA', 'ÉRICA', 'ÍTALO', 'OTÁVIO', 'ÚRSULA', 'JOÃO', 'MARIA', 'ÂNGELA', 'CAIO', 'LUÍS'];
const LAST = ['SILVA', 'CONCEIÇÃO', 'ARAÚJO', 'GONÇALVES', 'SOUZA', 'ÁVILA', 'ESTÊVÃO', 'LIMA'];
const STREETS = ['RUA DAS ACÁCIAS', 'AVENIDA BRASIL', 'RUA SÃO JOÃO', 'TRAVESSA DO ÓRGÃO'];
const DISTRICTS = ['CENTRO', 'JARDIM AMÉRICA', 'VILA NOVA'];

class Builder {
  readonly data: MkData;
  private next = { pessoa: 10_400, contrato: 3_100, conexao: 5_800, fatura: 880_000 };

  constructor(
    today: string,
    readonly random: () => number,
  ) {
    this.data = {
      today,
      company: {
        name: 'CONEXÃO SUL TELECOM LTDA',
        cnpj: cnpjFrom(41_222_333),
        bank: { code: '748', agencia: '0716', convenio: '45123' },
      },
      pessoas: [],
      contracts: [],
      connections: [],
      bills: [],
      codes: {
        processos: [
          {
            codprocesso: 12,
            nome_processo: 'SUPORTE TÉCNICO',
            subprocessos: [{ codsubprocesso: 121, nome: 'SEM CONEXÃO' }],
          },
          {
            codprocesso: 14,
            nome_processo: 'COMERCIAL',
            subprocessos: [{ codsubprocesso: 141, nome: 'UPGRADE DE PLANO' }],
          },
          { codprocesso: 15, nome_processo: 'FINANCEIRO', subprocessos: [] },
        ],
        classificacoes: [
          { codigo: 3, descricao: 'SOLICITAÇÃO', encerramento: 'Não' },
          { codigo: 5, descricao: 'RECLAMAÇÃO', encerramento: 'Não' },
          { codigo: 9, descricao: 'INFORMAÇÃO', encerramento: 'Sim' },
        ],
        tiposOS: [
          { codostipo: 2, descricao: 'INSTALAÇÃO' },
          { codostipo: 4, descricao: 'MANUTENÇÃO' },
        ],
        equipes: [{ cd_mestre: 7, descricao: 'EQUIPE CAMPO NORTE' }],
      },
      fixtures: {
        withBills: '',
        otherWithBills: '',
        withoutBills: '',
        unlockable: '',
        reduced: '',
        noContract: '',
        brokenLine: '',
        leadHolderCode: '',
      },
    };
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  pessoa(doc: string, nome: string, options: { inactive?: boolean; coordinates?: boolean } = {}): MkPessoa {
    const street = this.pick(STREETS);
    const p: MkPessoa = {
      CodigoPessoa: ++this.next.pessoa,
      doc,
      Nome: nome,
      Email: `${nome
        .split(' ')[0]!
        .normalize('NFD')
        .replace(/[^A-Za-z]/g, '')
        .toLowerCase()}${this.next.pessoa}@example.com`,
      Fone: `4999${String(this.int(1_000_000, 9_999_999))}`,
      Endereco: `${street}, ${this.int(10, 999)} - ${this.pick(DISTRICTS)}, CHAPECÓ`,
      CEP: `89${String(this.int(800_000, 815_999))}`,
      coordinates: options.coordinates === false ? null : { Latitude: '-27.1004', Longitude: '-52.6152' },
      Situacao: options.inactive === true ? 'Inativo' : 'Ativo',
    };
    this.data.pessoas.push(p);
    return p;
  }

  contract(p: MkPessoa, plan: string, options: { ativo?: boolean } = {}): MkContract {
    const c: MkContract = {
      codcontrato: ++this.next.contrato,
      CodigoPessoa: p.CodigoPessoa,
      plano_acesso: plan,
      adesao: addDays(this.data.today, -this.int(200, 900)),
      previsao_vencimento: String(this.pick([5, 10, 15, 20])),
      ativo: options.ativo ?? true,
    };
    this.data.contracts.push(c);
    return c;
  }

  connection(
    p: MkPessoa,
    contract: MkContract | null,
    state: { blocked?: string; reduced?: boolean } = {},
  ): MkConnection {
    const n: MkConnection = {
      codconexao: ++this.next.conexao,
      CodigoPessoa: p.CodigoPessoa,
      contrato: contract?.codcontrato ?? null,
      bloqueada: state.blocked !== undefined,
      esta_reduzida: state.reduced === true,
      motivo_bloqueio: state.blocked ?? null,
      endereco: p.Endereco,
      cep: p.CEP,
      username: `cliente${this.next.conexao}@fibra`,
      mac_address: `E4:8D:8C:${this.int(16, 99)}:${this.int(16, 99)}:${this.int(16, 99)}`,
      tecnologia: contract?.plano_acesso.startsWith('RÁDIO') === true ? 'Rádio' : 'FTTH',
      cadastro: addDays(this.data.today, -this.int(100, 800)),
      lastUnlockMonth: null,
    };
    this.data.connections.push(n);
    return n;
  }

  bill(
    p: MkPessoa,
    contract: MkContract | null,
    dueOffset: number,
    options: { paid?: boolean; noPix?: boolean; noPdf?: boolean; brokenLine?: boolean; cents?: number } = {},
  ): MkBill {
    const id = ++this.next.fatura;
    const vencimento = addDays(this.data.today, dueOffset);
    const valorCents = options.cents ?? PRICES[contract?.plano_acesso ?? ''] ?? 9990;
    const { bank } = this.data.company;
    const freeField = `1${bank.agencia}${bank.convenio}${String(id).padStart(10, '0')}`
      .slice(0, 25)
      .padEnd(25, '0');
    const barcode = buildBoletoBarcode({
      bank: bank.code,
      dueDate: vencimento,
      amountCents: valorCents,
      freeField,
    });
    let line = barcodeToLine(barcode);
    // A line whose field check digit is wrong (MK passes on whatever the bank module printed).
    if (options.brokenLine === true)
      line = line.slice(0, 9) + String((Number(line[9]) + 1) % 10) + line.slice(10);
    const b: MkBill = {
      codfatura: id,
      CodigoPessoa: p.CodigoPessoa,
      codcontrato: contract?.codcontrato ?? null,
      descricao: `MENSALIDADE ${contract?.plano_acesso ?? 'AVULSA'} ${vencimento.slice(5, 7)}/${vencimento.slice(0, 4)}`,
      valorCents,
      vencimento,
      emissao: addDays(vencimento, -20),
      paidOn: options.paid === true ? addDays(vencimento, -1) : null,
      ld: options.brokenLine === true ? line : formatBoletoLine(line),
      pix:
        options.noPix === true
          ? null
          : buildStaticPix({
              key: this.data.company.cnpj,
              amountCents: valorCents,
              txid: `MKFAT${id}`,
              merchantName: 'CONEXAO SUL TELECOM',
              merchantCity: 'CHAPECO',
            }),
      hash: ((id * 2_654_435_761) >>> 0).toString(16),
      noPdf: options.noPdf === true,
    };
    this.data.bills.push(b);
    return b;
  }
}

/** The simulator's data; the same options give the same data. */
export function seedMk(options: MkSeedOptions = {}): MkData {
  const today = options.today ?? todayInBrazil();
  const b = new Builder(today, prng(options.seed ?? 1));
  const f = b.data.fixtures;

  // Three open bills (one overdue), a paid one, and a second registration with the same CPF that
  // has one more open bill (MK's Outros[]). Accented capitals exercise the charset repair.
  f.withBills = cpfFrom(381_902_114);
  const jose = b.pessoa(f.withBills, 'JOSÉ ÂNGELO CONCEIÇÃO ÁVILA');
  const joseContract = b.contract(jose, 'FIBRA 500 MEGA');
  b.connection(jose, joseContract);
  b.bill(jose, joseContract, -12);
  b.bill(jose, joseContract, 8);
  b.bill(jose, joseContract, 38);
  b.bill(jose, joseContract, -42, { paid: true });
  const joseOld = b.pessoa(f.withBills, 'JOSÉ ÂNGELO CONCEIÇÃO ÁVILA', {
    inactive: true,
    coordinates: false,
  });
  b.bill(joseOld, null, -70, { cents: 4500 });

  // A company whose account has no Pix for one of its bills.
  f.otherWithBills = cnpjFrom(27_865_410);
  const empresa = b.pessoa(f.otherWithBills, 'ÓTICA ÚNICA COMÉRCIO LTDA');
  const empresaContract = b.contract(empresa, 'FIBRA 1 GIGA');
  b.connection(empresa, empresaContract);
  b.bill(empresa, empresaContract, -3, { noPix: true, noPdf: true });
  b.bill(empresa, empresaContract, 27);

  // Only paid bills.
  f.withoutBills = cpfFrom(502_117_630);
  const ines = b.pessoa(f.withoutBills, 'INÊS ÉBANO');
  const inesContract = b.contract(ines, 'FIBRA 300 MEGA');
  b.connection(ines, inesContract);
  b.bill(ines, inesContract, -31, { paid: true });

  // One contract whose connection is blocked for debt, one contract in force.
  f.unlockable = cpfFrom(663_480_271);
  const otavio = b.pessoa(f.unlockable, 'OTÁVIO ESTÊVÃO');
  const blockedContract = b.contract(otavio, 'FIBRA 300 MEGA');
  b.connection(otavio, blockedContract, { blocked: 'Bloqueio automático por inadimplência' });
  b.bill(otavio, blockedContract, -25);
  const okContract = b.contract(otavio, 'RÁDIO 20 MEGA');
  b.connection(otavio, okContract);

  // A connection at reduced speed (esta_reduzida) and a cancelled contract (not listed by MK).
  f.reduced = cpfFrom(774_015_228);
  const ursula = b.pessoa(f.reduced, 'ÚRSULA ÍRIS');
  const reducedContract = b.contract(ursula, 'FIBRA 500 MEGA');
  b.connection(ursula, reducedContract, { reduced: true });
  b.contract(ursula, 'FIBRA 300 MEGA', { ativo: false });

  // "Ativo" registration without any contract (MK's Situacao is not a contract status).
  f.noContract = cpfFrom(815_330_462);
  b.pessoa(f.noContract, 'ÍTALO ÓRION');

  // An open bill whose linha digitável fails its check digit.
  f.brokenLine = cpfFrom(926_441_573);
  const caio = b.pessoa(f.brokenLine, 'CAIO ÉDSON');
  const caioContract = b.contract(caio, 'FIBRA 300 MEGA');
  b.connection(caio, caioContract);
  b.bill(caio, caioContract, 5, { brokenLine: true });

  // The ISP's own registration, on which leads of people who are not customers are recorded.
  f.leadHolderCode = String(b.pessoa(b.data.company.cnpj, 'CONEXÃO SUL TELECOM - PROSPECTOS').CodigoPessoa);

  for (let i = 0; i < (options.customers ?? 20); i++) {
    const doc =
      b.random() < 0.15 ? cnpjFrom(b.int(10_000_000, 99_999_999)) : cpfFrom(b.int(100_000_000, 999_999_999));
    if (b.data.pessoas.some((p) => p.doc === doc)) continue;
    const p = b.pessoa(doc, `${b.pick(FIRST)} ${b.pick(LAST)} ${b.pick(LAST)}`, {
      coordinates: b.random() < 0.7,
    });
    const c = b.contract(p, b.pick(PLANS));
    const blocked = b.random() < 0.15;
    b.connection(p, c, blocked ? { blocked: 'Bloqueio automático por inadimplência' } : {});
    for (let k = 0; k < b.int(0, 3); k++) b.bill(p, c, -30 * k + b.int(-5, 20), { noPix: b.random() < 0.1 });
    b.bill(p, c, -60, { paid: true });
  }
  return b.data;
}

/** The registrations with this document, main (lowest code) first. */
export function pessoasByDoc(data: MkData, doc: string): MkPessoa[] {
  return data.pessoas.filter((p) => p.doc === doc).sort((a, b) => a.CodigoPessoa - b.CodigoPessoa);
}

export const PLAN_PRICES = PRICES;
