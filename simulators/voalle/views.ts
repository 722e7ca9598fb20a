// How the simulated Voalle prints its records: the envelope and the item shapes of the answers
// clients recorded (people/txid, getopentitlesbytxid, gettitlesbytxid, contracttypesandservices),
// plus the shapes only modelled by clients, each marked unverified. Dates as Voalle prints them
// (YYYY-MM-DDT00:00:00), money as JSON numbers.
import { daysBetween } from '../../src/brasil/dates.js';
import type { VoalleAddress, VoalleContract, VoalleData, VoallePerson, VoalleTitle } from './seed.js';

/** Answer variants (start option `variants`), for the disagreements between the clients' records. */
export type Variant =
  /** messages: "" in every success envelope (recorded on contracttypesandservices). */
  | 'messages-empty-string'
  /** messages: [] in every success envelope (the Go SDK's model). */
  | 'messages-array'
  /** getopentitlesbytxid without billet.status and item contractNumber (FIKTA's tenant). */
  | 'open-bare'
  /** gettitlesbytxid with status on the item instead of the billet (the Go SDK's model). */
  | 'status-on-item'
  /** campaignsandpricelistservices in the TS adapter's shape instead of the Go SDK's. */
  | 'campaigns-ts'
  /** "nothing open" answered success:true with an empty list instead of success:false. */
  | 'nothing-open-success'
  /** contract/getpaged pages from 0 (the collection-derived prompt) instead of 1 (what clients send). */
  | 'paging-zero'
  /** GetBillet answers no PDF (an envelope), so only GetBilletLink's signed link gives it. */
  | 'billet-link-only';

export const VARIANTS: readonly Variant[] = [
  'messages-empty-string',
  'messages-array',
  'open-bare',
  'status-on-item',
  'campaigns-ts',
  'nothing-open-success',
  'paging-zero',
  'billet-link-only',
];

export const money = (cents: number) => Math.round(cents) / 100;
export const stamp = (iso: string) => `${iso}T00:00:00`;

export interface Envelope {
  success: boolean;
  messages: unknown;
  response: unknown;
  dataResponseType: string | null;
  elapsedTime: number | null;
}

/** A success envelope; `messages` as the route prints it unless a variant says otherwise. */
export function ok(
  response: unknown,
  variants: ReadonlySet<Variant>,
  options: { messages?: unknown; type?: string | null } = {},
): Envelope {
  const messages = variants.has('messages-array')
    ? []
    : variants.has('messages-empty-string')
      ? ''
      : (options.messages ?? null);
  return { success: true, messages, response, dataResponseType: options.type ?? null, elapsedTime: null };
}

/** A business error: HTTP 200, success false, code 300 (the shape of the clients' mocks). */
export function fail(message: string, type = 'Error', code: number | null = 300): Envelope {
  return {
    success: false,
    messages: [{ message, code, type }],
    response: null,
    dataResponseType: null,
    elapsedTime: null,
  };
}

/** Fine (2 %) and interest (1 % a month pro rata die) Voalle computes itself for an overdue title. */
export function charges(title: VoalleTitle, today: string): { fineCents: number; interestCents: number } {
  if (title.status !== 'open' || today <= title.expirationDate) return { fineCents: 0, interestCents: 0 };
  const days = daysBetween(title.expirationDate, today);
  return {
    fineCents: Math.round(title.valueCents * 0.02),
    interestCents: Math.round((title.valueCents * days) / 3000),
  };
}

function address(a: VoalleAddress) {
  return {
    street: a.street,
    number: a.number,
    addressComplement: a.addressComplement,
    neighborhood: a.neighborhood,
    city: a.city,
    codeCityId: a.codeCityId,
    state: a.state,
    postalCode: a.postalCode,
  };
}

function statusLabel(title: VoalleTitle, today: string): string {
  if (title.status === 'paid') return 'Paga';
  if (title.status === 'cancelled') return 'Cancelada';
  return today > title.expirationDate ? 'Vencida' : 'Em aberto';
}

function amount(title: VoalleTitle, today: string) {
  const { fineCents, interestCents } = charges(title, today);
  return {
    value: money(title.valueCents),
    finalValue: money(title.valueCents + fineCents + interestCents),
    discount: 0,
    fine: money(fineCents),
    interest: money(interestCents),
  };
}

/** An item of getopentitlesbytxid (recorded shape; the full list form). */
export function openTitleView(data: VoalleData, title: VoalleTitle, variants: ReadonlySet<Variant>) {
  const person = data.people.find((p) => p.id === title.clientId)!;
  const bare = variants.has('open-bare');
  const place = data.companyPlaces[0]!;
  return {
    id: title.id,
    ...(bare ? {} : { contractNumber: title.contractNumber }),
    billet: {
      bankTitleNumber: null,
      barcode: null,
      typefulLine: title.typefulLine,
      pixQRCode: title.pixQRCode,
      title: title.title,
      issueDate: stamp(title.issueDate),
      expirationDate: stamp(title.expirationDate),
      processingDate: stamp(title.issueDate),
      ...(bare ? {} : { status: statusLabel(title, data.today) }),
      amount: amount(title, data.today),
    },
    client: { txId: person.txId, name: person.name, address: address(person.mainAddress) },
    companyPlace: {
      txId: place.txId,
      name: data.company.name,
      address: { street: place.street, city: place.city },
    },
    bank: {
      code: data.company.bankCode,
      name: data.company.bankName,
      agency: { number: data.company.agency, digit: '5' },
      account: { number: data.company.account, digit: 'X' },
      bankUse: '',
    },
    collectionType: { specieTitle: 'DMI', loanPortfolio: '17', quantity: '1', accept: 'N' },
  };
}

/** An item of gettitlesbytxid: the open item plus status, originalValue and receipts (FIKTA, recorded). */
export function titleView(data: VoalleData, title: VoalleTitle, variants: ReadonlySet<Variant>) {
  const base = openTitleView(data, title, new Set<Variant>());
  const status = statusLabel(title, data.today);
  const { status: _, ...billetWithoutStatus } = base.billet;
  const billet = {
    ...(variants.has('status-on-item') ? billetWithoutStatus : base.billet),
    amount: { ...base.billet.amount, originalValue: money(title.valueCents) },
    receipts:
      title.receipt === null
        ? null
        : {
            ammount: money(title.receipt.amountCents),
            discount: money(title.receipt.discountCents),
            fine: money(title.receipt.fineCents),
            interest: money(title.receipt.interestCents),
            receiptDate: stamp(title.receipt.receiptDate),
          },
  };
  return { ...base, ...(variants.has('status-on-item') ? { status } : {}), billet };
}

/** people/txid's response object (recorded). */
export function personView(data: VoalleData, person: VoallePerson) {
  const a = person.mainAddress;
  return {
    id: person.id,
    name: person.name,
    name2: person.name2,
    txId: person.txId,
    email: person.email,
    status: person.status,
    phone: person.phone,
    birthDate: person.birthDate,
    cellPhone: person.cellPhone,
    mainAddress: {
      streetType: a.streetType,
      street: a.street,
      number: a.number,
      addressComplement: a.addressComplement,
      neighborhood: a.neighborhood,
      city: a.city,
      codeCityId: a.codeCityId,
      addressReference: a.addressReference,
      state: a.state,
      postalCode: a.postalCode,
      longitude: null,
      latitude: null,
    },
    titles: data.titles
      .filter((t) => t.clientId === person.id && t.status === 'open')
      .map((t) => ({
        id: t.id,
        billet: {
          bankTitleNumber: null,
          balance: money(t.valueCents),
          title: t.title,
          issueDate: stamp(t.issueDate),
          expirationDate: stamp(t.expirationDate),
          processingDate: stamp(t.issueDate),
          amount: amount(t, data.today),
        },
      })),
  };
}

/**
 * A contract/getpaged item. unverified: only `contractNumber` is confirmed by any client; `id` is
 * what an ETL keys contracts by; the rest (status and stage codes from the collection-derived
 * notes, services, address) is our model.
 */
export function contractView(contract: VoalleContract, today: string) {
  return {
    id: contract.id,
    contractNumber: contract.contractNumber,
    clientId: contract.clientId,
    description: contract.description,
    status: contract.status,
    stage: contract.stage,
    collectionDay: contract.collectionDay,
    unlockedUntil:
      contract.unlockedUntil !== null && contract.unlockedUntil >= today
        ? stamp(contract.unlockedUntil)
        : null,
    serviceProducts: [
      { code: contract.serviceCode, title: contract.serviceTitle, amount: money(contract.amountCents) },
    ],
    address: address(contract.address),
  };
}

/** Voalle's paged listing response. */
export function paged<T>(rows: T[], page: number, pageSize: number, firstPage: number) {
  const start = (page - firstPage) * pageSize;
  return {
    data: start < 0 ? [] : rows.slice(start, start + pageSize),
    totalRecords: rows.length,
    page,
    pageSize,
    totalPages: Math.ceil(rows.length / pageSize),
  };
}
