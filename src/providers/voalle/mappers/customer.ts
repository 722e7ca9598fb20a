// Voalle people (people/txid, a recorded shape) -> the contract's Customer and contacts, and the
// contract's changes -> the bodies of PUT people/{id} and PUT updateaddress/{clientId}.
import type { Contact, Customer, CustomerChanges } from '../../../contract/index.js';
import { ufOrEmpty } from '../../../contract/values.js';
import { digits, isoDate, text } from '../../kit/edge.js';

export interface VoalleAddress {
  streetType: string;
  street: string;
  number: string;
  complement: string;
  neighborhood: string;
  city: string;
  ibgeCode: string;
  reference: string;
  state: string;
  zipCode: string;
}

export interface VoallePerson {
  id: string;
  name: string;
  txId: string;
  email: string;
  phone: string;
  cellPhone: string;
  birthDate: string;
  status: number | null;
  address: VoalleAddress;
  /** Issue dates of the titles people/txid embeds (the earliest stands in for the registration date). */
  titleIssueDates: string[];
}

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const PHONE = /^[1-9]{2}(?:9\d{8}|[2-8]\d{7})$/;

/** A Brazilian phone as the contract writes it (DDD + number), or '' (a leading 0 or 55 is dropped). */
export function phone(value: unknown): string {
  let d = digits(value);
  if (d.length > 11 && d.startsWith('55')) d = d.slice(2);
  if (d.startsWith('0')) d = d.slice(1);
  return PHONE.test(d) ? d : '';
}

export function parsePerson(response: unknown): VoallePerson | null {
  const r = obj(response);
  const id = text(r.id);
  if (id === '') return null;
  const a = obj(r.mainAddress);
  const titles = Array.isArray(r.titles) ? r.titles : [];
  return {
    id,
    name: text(r.name),
    txId: digits(r.txId),
    email: text(r.email),
    phone: text(r.phone),
    cellPhone: text(r.cellPhone),
    birthDate: isoDate(r.birthDate) ?? '',
    status: typeof r.status === 'number' ? r.status : null,
    address: {
      streetType: text(a.streetType),
      street: text(a.street),
      number: text(a.number),
      complement: text(a.addressComplement),
      neighborhood: text(a.neighborhood),
      city: text(a.city),
      ibgeCode: digits(a.codeCityId),
      reference: text(a.addressReference),
      state: text(a.state).toUpperCase(),
      zipCode: digits(a.postalCode),
    },
    titleIssueDates: titles
      .map((t: unknown) => isoDate(obj(obj(t).billet).issueDate))
      .filter((d): d is string => d !== null),
  };
}

/** "Rua X" from streetType "Rua" and street "X" (or street alone when it already names its type). */
function streetLine(a: VoalleAddress): string {
  if (a.streetType === '' || a.street.toLowerCase().startsWith(a.streetType.toLowerCase())) return a.street;
  return `${a.streetType} ${a.street}`.trim();
}

/**
 * The contract's Customer. Voalle's person has no registration date: the earliest issue date of
 * the titles it embeds stands in, else `today`. `ativo`: person status 1, or unknown.
 */
export function customerFromPerson(p: VoallePerson, today: string): Customer {
  const registered = [...p.titleIssueDates].sort()[0] ?? today;
  return {
    nome_completo: p.name,
    aniversario: p.birthDate,
    data_registro: registered,
    ativo: p.status === null || p.status === 1,
    id_remoto: p.id,
    rua_endereco: streetLine(p.address),
    numero_endereco: p.address.number,
    cep_endereco: /^\d{8}$/.test(p.address.zipCode) ? p.address.zipCode : '',
    cidade_endereco: p.address.city,
    complemento_endereco: p.address.complement,
    bairro_endereco: p.address.neighborhood,
    estado_endereco: ufOrEmpty(p.address.state),
    email: p.email,
    telefone: phone(p.cellPhone) || phone(p.phone),
  };
}

/** E-mails (the field may hold several, separated by ; or ,) and phones, deduplicated. */
export function contactsOf(p: VoallePerson): Contact[] {
  const out: Contact[] = [];
  const seen = new Set<string>();
  const add = (c: Contact) => {
    const key = `${c.type}:${c.value}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(c);
    }
  };
  for (const e of p.email.split(/[;,\s]+/))
    if (e.includes('@')) add({ type: 'email', value: e.toLowerCase() });
  for (const raw of [p.cellPhone, p.phone]) {
    const value = phone(raw);
    if (value !== '') add({ type: 'phone', value });
  }
  return out;
}

/** PUT people/{id} for e-mail and phones (Go SDK's shape); null when the changes have none. */
export function personUpdateBody(id: string, changes: CustomerChanges): Record<string, unknown> | null {
  const body: Record<string, unknown> = { id: Number(id) };
  if (changes.email !== undefined) body.email = { email: changes.email };
  if (changes.phone !== undefined || changes.phone_secondary !== undefined) {
    body.phone = {
      ...(changes.phone_secondary === undefined ? {} : { phone: changes.phone_secondary }),
      ...(changes.phone === undefined ? {} : { cellPhone: changes.phone }),
    };
  }
  return Object.keys(body).length > 1 ? body : null;
}

/**
 * PUT updateaddress/{clientId} with every field: the current address with the changes laid over
 * it, since whether Voalle keeps fields left out is not known.
 */
export function addressUpdateBody(
  p: VoallePerson,
  changes: NonNullable<CustomerChanges['address']>,
): Record<string, unknown> {
  const a = p.address;
  return {
    id: Number(p.id),
    publicPlace: changes.street ?? a.street,
    number: changes.number ?? a.number,
    complement: changes.complement ?? a.complement,
    neighborhood: changes.neighborhood ?? a.neighborhood,
    city: changes.city ?? a.city,
    state: changes.state ?? a.state,
    zipCode: changes.zip_code ?? a.zipCode,
    ibgeCode: changes.ibge_code ?? a.ibgeCode,
    reference: changes.reference ?? a.reference,
    ...(changes.latitude === undefined ? {} : { lat: changes.latitude }),
    ...(changes.longitude === undefined ? {} : { lng: changes.longitude }),
  };
}
