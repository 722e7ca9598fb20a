// Deterministic data for the Voalle simulator: the ISP's configuration (company places, contract
// types with their services and collection days, campaigns with price lists, incident types),
// people flagged "cliente" with contracts, receivable titles with valid boletos and Pix codes,
// DANFE documents, and the fixed customers the provider contract suite plays its roles with.
// Dates are offsets from the seeding day, so "overdue" stays true whenever the simulator starts.
import { addDays, todayInBrazil } from '../../src/brasil/dates.js';
import { cnpjCheckDigits, cpfCheckDigits } from '../../src/brasil/document.js';
import { barcodeToLine, buildBoletoBarcode } from '../../src/brasil/boleto.js';
import { buildStaticPix } from '../../src/brasil/pix.js';
import { prng } from '../shared/prng.js';

export interface VoalleAddress {
  streetType: string;
  street: string;
  number: string;
  addressComplement: string;
  neighborhood: string;
  city: string;
  codeCityId: number;
  addressReference: string;
  state: string;
  postalCode: string;
}

export interface VoallePerson {
  id: number;
  name: string;
  name2: string;
  txId: string;
  /** 1 PJ, 2 PF (the material's most common meaning). */
  typeTxId: 1 | 2;
  email: string;
  phone: string;
  cellPhone: string;
  /** YYYY-MM-DDT00:00:00 or null (a CNPJ). */
  birthDate: string | null;
  /** Numeric person status; 1 active (unverified: only "a number" is recorded). */
  status: number;
  /** Only people flagged cliente are found by people/txid. */
  client: boolean;
  mainAddress: VoalleAddress;
}

/** Contract status codes (clients.md §2): 1 Normal ... 5 Suspenso, 6 Bloqueio Financeiro, 7 Bloqueio Administrativo. */
export type ContractStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 9;

export interface VoalleContract {
  id: number;
  contractNumber: number;
  clientId: number;
  status: ContractStatus;
  /** 3 Aprovado. */
  stage: number;
  description: string;
  serviceCode: string;
  serviceTitle: string;
  amountCents: number;
  collectionDay: number;
  address: VoalleAddress;
  /** Set by a trust unlock (YYYY-MM-DD); a second unlock while set is refused. */
  unlockedUntil: string | null;
}

export interface VoalleReceipt {
  amountCents: number;
  fineCents: number;
  interestCents: number;
  discountCents: number;
  receiptDate: string;
}

export interface VoalleTitle {
  id: number;
  clientId: number;
  contractId: number;
  contractNumber: number;
  /** The title's document number ("FAT...") as Voalle prints it. */
  title: string;
  issueDate: string;
  expirationDate: string;
  valueCents: number;
  status: 'open' | 'paid' | 'cancelled';
  barcode: string;
  typefulLine: string;
  pixQRCode: string;
  /** Path part of the signed billet link. */
  hash: string;
  receipt: VoalleReceipt | null;
}

export interface VoalleDocument {
  documentId: number;
  clientId: number;
  number: number;
  series: string;
  issueDate: string;
  amountCents: number;
}

export interface ContractType {
  code: string;
  title: string;
  description: string;
  collectionDays: number[];
  services: { code: string; title: string; description: string | null }[];
}

export interface Campaign {
  code: string;
  title: string;
  priceLists: {
    id: number;
    code: string;
    title: string;
    products: { code: string; title: string; priceCents: number }[];
  }[];
}

export interface VoalleFixtures {
  withBills: string;
  otherWithBills: string;
  withoutBills: string;
  unlockable: string;
  blockedAdministrative: string;
  manyBills: string;
  prospectOnly: string;
  forUpdates: string;
}

export interface VoalleData {
  today: string;
  company: {
    txId: string;
    name: string;
    bankCode: string;
    bankName: string;
    agency: string;
    account: string;
  };
  companyPlaces: {
    id: number;
    description: string;
    code: string;
    txId: string;
    city: string;
    street: string;
  }[];
  incidentTypes: { id: number; code: string; title: string }[];
  contractTypes: ContractType[];
  campaigns: Campaign[];
  people: VoallePerson[];
  contracts: VoalleContract[];
  titles: VoalleTitle[];
  documents: VoalleDocument[];
  fixtures: VoalleFixtures;
}

export interface VoalleSeedOptions {
  seed?: number;
  customers?: number;
  today?: string;
}

const FIRST = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elisa', 'Fábio', 'Gabriela', 'Heitor', 'Isabela', 'João'];
const LAST = ['Almeida', 'Barbosa', 'Cardoso', 'Duarte', 'Ferreira', 'Lacerda', 'Moreira', 'Queiroz'];
const STREETS = ['Rua das Palmeiras', 'Avenida Brasil', 'Rua Sete de Setembro', 'Rua Tiradentes'];

const SERVICES = [
  { code: '1.1', title: 'FIBRA 300 MEGA', priceCents: 9990 },
  { code: '1.2', title: 'FIBRA 600 MEGA', priceCents: 12990 },
  { code: '1.3', title: 'FIBRA 1 GIGA', priceCents: 19990 },
  { code: '2.1', title: 'EMPRESA 500 MEGA + IP FIXO', priceCents: 29990 },
];

export function cpfFrom(base9: number): string {
  const base = String(base9).padStart(9, '0');
  return base + cpfCheckDigits(base);
}

function cnpjFrom(base8: number): string {
  const base = `${String(base8).padStart(8, '0')}0001`;
  return base + cnpjCheckDigits(base);
}

/** The title's path in its signed link (opaque, as Voalle's). */
export function titleHash(id: number): string {
  return Buffer.from(`title:${id}:voalle-sim`).toString('hex');
}

class Builder {
  readonly data: VoalleData;
  private readonly rand: () => number;
  private ids = { person: 48200, contract: 9100, contractNumber: 23400, title: 771000, document: 5100 };

  constructor(today: string, seed: number) {
    this.rand = prng(seed);
    this.data = {
      today,
      company: {
        txId: cnpjFrom(11222333),
        name: 'VALE NET TELECOMUNICACOES LTDA',
        bankCode: '001',
        bankName: 'Banco do Brasil S.A.',
        agency: '3344',
        account: '0012345',
      },
      companyPlaces: [
        {
          id: 1,
          description: 'MATRIZ',
          code: '1',
          txId: cnpjFrom(11222333),
          city: 'Lavras',
          street: 'Rua Central',
        },
        {
          id: 2,
          description: 'FILIAL PERDÕES',
          code: '2',
          txId: `112223330002${cnpjCheckDigits('112223330002')}`,
          city: 'Perdões',
          street: 'Praça da Matriz',
        },
      ],
      incidentTypes: [
        { id: 11, code: 'SUP', title: 'Suporte técnico' },
        { id: 12, code: 'FIN', title: 'Financeiro' },
        { id: 13, code: 'VEN', title: 'Venda / pedido' },
      ],
      contractTypes: [
        {
          code: '1',
          title: 'PF - Composto',
          description: '',
          collectionDays: [5, 10, 15, 20],
          services: SERVICES.slice(0, 3).map((s) => ({ code: s.code, title: s.title, description: null })),
        },
        {
          code: '2',
          title: 'PJ - Empresarial',
          description: 'Contratos de empresas',
          collectionDays: [10, 20],
          services: [{ code: '2.1', title: SERVICES[3]!.title, description: null }],
        },
      ],
      campaigns: [
        {
          code: '7',
          title: 'CAMPANHA PADRÃO',
          priceLists: [
            {
              id: 31,
              code: '31',
              title: 'TABELA 2026',
              products: SERVICES.map((s) => ({ code: s.code, title: s.title, priceCents: s.priceCents })),
            },
          ],
        },
      ],
      people: [],
      contracts: [],
      titles: [],
      documents: [],
      fixtures: {
        withBills: '',
        otherWithBills: '',
        withoutBills: '',
        unlockable: '',
        blockedAdministrative: '',
        manyBills: '',
        prospectOnly: '',
        forUpdates: '',
      },
    };
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.rand() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  address(): VoalleAddress {
    return {
      streetType: 'Rua',
      street: this.pick(STREETS),
      number: String(this.int(10, 2200)),
      addressComplement: this.rand() < 0.3 ? `Apto ${this.int(101, 804)}` : '',
      neighborhood: this.pick(['Centro', 'Jardim Glória', 'Vila Esperança', 'Santa Efigênia']),
      city: 'Lavras',
      codeCityId: 3138203,
      addressReference: '',
      state: 'MG',
      postalCode: `3720${this.int(0, 9)}${String(this.int(0, 999)).padStart(3, '0')}`,
    };
  }

  person(txId: string, name: string, options: { client?: boolean; company?: boolean } = {}): VoallePerson {
    const company = options.company === true;
    const person: VoallePerson = {
      id: ++this.ids.person,
      name,
      name2: company ? name.split(' ')[0]! : '',
      txId,
      typeTxId: company ? 1 : 2,
      email: `${name
        .split(' ')[0]!
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')}.${this.ids.person}@example.com`,
      phone: `353821${String(this.int(1000, 9999))}`,
      cellPhone: `359${String(this.int(10_000_000, 99_999_999))}`,
      birthDate: company ? null : `19${this.int(60, 99)}-0${this.int(1, 9)}-1${this.int(0, 9)}T00:00:00`,
      status: 1,
      client: options.client ?? true,
      mainAddress: this.address(),
    };
    this.data.people.push(person);
    return person;
  }

  contract(person: VoallePerson, serviceIndex: number, status: ContractStatus = 1): VoalleContract {
    const service = SERVICES[serviceIndex]!;
    const contract: VoalleContract = {
      id: ++this.ids.contract,
      contractNumber: ++this.ids.contractNumber,
      clientId: person.id,
      status,
      stage: 3,
      description: `Contrato ${service.title}`,
      serviceCode: service.code,
      serviceTitle: service.title,
      amountCents: service.priceCents,
      collectionDay: 10,
      address: person.mainAddress,
      unlockedUntil: null,
    };
    this.data.contracts.push(contract);
    return contract;
  }

  /** A monthly title due `dueOffset` days from today. */
  title(contract: VoalleContract, dueOffset: number, status: VoalleTitle['status'] = 'open'): VoalleTitle {
    const id = ++this.ids.title;
    const due = addDays(this.data.today, dueOffset);
    const { company } = this.data;
    const freeField = `${company.agency}${company.account}${String(id).padStart(10, '0')}17`
      .slice(0, 25)
      .padEnd(25, '0');
    const barcode = buildBoletoBarcode({
      bank: company.bankCode,
      dueDate: due,
      amountCents: contract.amountCents,
      freeField,
    });
    const title: VoalleTitle = {
      id,
      clientId: contract.clientId,
      contractId: contract.id,
      contractNumber: contract.contractNumber,
      title: `FAT${String(id).slice(-6)}`,
      issueDate: addDays(due, -20),
      expirationDate: due,
      valueCents: contract.amountCents,
      status,
      barcode,
      typefulLine: barcodeToLine(barcode),
      pixQRCode: buildStaticPix({
        key: company.txId,
        amountCents: contract.amountCents,
        txid: `VOA${id}`,
        merchantName: 'VALE NET TELECOM',
        merchantCity: 'LAVRAS',
      }),
      hash: titleHash(id),
      receipt:
        status === 'paid'
          ? {
              amountCents: contract.amountCents,
              fineCents: 0,
              interestCents: 0,
              discountCents: 0,
              receiptDate: addDays(due, -2),
            }
          : null,
    };
    this.data.titles.push(title);
    return title;
  }

  document(person: VoallePerson, amountCents: number, offset: number): VoalleDocument {
    const doc: VoalleDocument = {
      documentId: ++this.ids.document,
      clientId: person.id,
      number: 10_000 + this.ids.document,
      series: '1',
      issueDate: addDays(this.data.today, offset),
      amountCents,
    };
    this.data.documents.push(doc);
    return doc;
  }
}

/** The simulator's data: the fixed customers first, then `customers` generated ones. */
export function seedVoalle(options: VoalleSeedOptions = {}): VoalleData {
  const b = new Builder(options.today ?? todayInBrazil(), options.seed ?? 1);
  const f = b.data.fixtures;

  const maria = b.person(cpfFrom(318_476_205), 'Maria Aparecida Nogueira');
  const mariaContract = b.contract(maria, 1);
  b.title(mariaContract, -75, 'paid');
  b.title(mariaContract, -12);
  b.title(mariaContract, 8);
  b.title(mariaContract, 38);
  b.document(maria, mariaContract.amountCents, -40);
  f.withBills = maria.txId;

  const company = b.person(cnpjFrom(45_678_901), 'Padaria Pão Dourado Ltda', { company: true });
  const companyContract = b.contract(company, 3);
  b.title(companyContract, -3);
  b.title(companyContract, 27);
  f.otherWithBills = company.txId;

  const paid = b.person(cpfFrom(284_615_903), 'José Carlos Ribeiro');
  const paidContract = b.contract(paid, 0);
  b.title(paidContract, -50, 'paid');
  b.title(paidContract, -20, 'paid');
  b.title(paidContract, -80, 'cancelled');
  f.withoutBills = paid.txId;

  const blocked = b.person(cpfFrom(407_193_586), 'Luciana Prado Martins');
  const blockedContract = b.contract(blocked, 0, 6);
  b.contract(blocked, 2, 1);
  b.title(blockedContract, -35);
  f.unlockable = blocked.txId;

  const admin = b.person(cpfFrom(529_307_814), 'Roberto Siqueira Lopes');
  const adminContract = b.contract(admin, 1, 7);
  b.title(adminContract, 5);
  f.blockedAdministrative = admin.txId;

  const many = b.person(cpfFrom(613_248_759), 'Fernanda Costa Brandão');
  const manyContract = b.contract(many, 2);
  for (const offset of [-100, -70, -40, -10, 20, 50]) b.title(manyContract, offset);
  f.manyBills = many.txId;

  const prospect = b.person(cpfFrom(732_591_046), 'Ricardo Almeida Torres', { client: false });
  f.prospectOnly = prospect.txId;

  const updates = b.person(cpfFrom(845_162_307), 'Patrícia Gomes Vieira');
  const updatesContract = b.contract(updates, 0);
  b.title(updatesContract, 15);
  f.forUpdates = updates.txId;

  for (let i = 0; i < (options.customers ?? 0); i++) {
    const person = b.person(
      cpfFrom(900_000_000 + i * 7_919),
      `${b.pick(FIRST)} ${b.pick(LAST)} ${b.pick(LAST)}`,
    );
    const contract = b.contract(person, b.int(0, 2), b.chance(0.1) ? 6 : 1);
    const open = b.int(0, 3);
    for (let k = 0; k < open; k++) b.title(contract, -30 * k + b.int(-5, 25));
    b.title(contract, -60, 'paid');
  }
  return b.data;
}
