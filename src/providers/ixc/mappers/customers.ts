// IXC's cliente row -> the contract's Customer, contacts and internal notes. IXC keeps CPF/CNPJ
// masked, e-mails and phones as free text, dates yyyy-mm-dd with "0000-00-00" for none.
import { formatDocument } from '../../../brasil/document.js';
import { normalisePhone, ufOrEmpty } from '../../../contract/index.js';
import type { Contact, Customer } from '../../../contract/index.js';
import { brDate, digits, isoDate } from '../../kit/edge.js';
import { plainText } from '../client.js';
import type { IxcRow } from '../client.js';
import type { City } from './addresses.js';

/** The forms a document may be stored in: IXC keeps it masked, some imports keep digits. */
export function documentForms(document: string): string[] {
  const masked = formatDocument(document);
  return masked === document ? [document] : [masked, document];
}

/** Of several customers with one document (IXC allows duplicates): the active one, oldest first. */
export function pickCustomer(rows: IxcRow[]): IxcRow | undefined {
  return [...rows].sort(
    (a, b) => Number(b.ativo === 'S') - Number(a.ativo === 'S') || Number(a.id) - Number(b.id),
  )[0];
}

const PHONE_FIELDS = ['telefone_celular', 'whatsapp', 'fone', 'telefone_comercial'];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function emailsIn(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[;,\s]+/)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => EMAIL.test(e));
}

function phonesOf(row: IxcRow): string[] {
  return PHONE_FIELDS.flatMap((f) => normalisePhone(row[f] ?? '') ?? []);
}

export function toCustomer(row: IxcRow, city: City | null): Customer {
  const zip = digits(row.cep);
  return {
    nome_completo: row.razao ?? '',
    aniversario: isoDate(row.data_nascimento) ?? '',
    data_registro: isoDate(row.data_cadastro) ?? '1970-01-01',
    ativo: row.ativo === 'S',
    id_remoto: row.id ?? '',
    rua_endereco: row.endereco ?? '',
    numero_endereco: row.numero ?? '',
    cep_endereco: zip.length === 8 ? zip : '',
    cidade_endereco: city?.name ?? '',
    complemento_endereco: row.complemento ?? '',
    bairro_endereco: row.bairro ?? '',
    estado_endereco: ufOrEmpty(city?.uf ?? ''),
    email: emailsIn(row.email)[0] ?? '',
    telefone: phonesOf(row)[0] ?? '',
  };
}

/** E-mails (record and portal e-mail) then phones (mobile, WhatsApp, landline, work), each once. */
export function customerContacts(row: IxcRow): Contact[] {
  const emails = [...emailsIn(row.email), ...emailsIn(row.hotsite_email)];
  const all: Contact[] = [
    ...emails.map((value) => ({ type: 'email' as const, value })),
    ...phonesOf(row).map((value) => ({ type: 'phone' as const, value })),
  ];
  const seen = new Set<string>();
  return all.filter((c) => {
    const key = `${c.type}:${c.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The notes staff must see: the customer's alert, then each live contract's alert. The customer's
 * general observations (`obs`) are history, not pending, and are left out.
 */
export function internalNotes(customer: IxcRow, contracts: IxcRow[]): string[] {
  const notes = [plainText(customer.alerta ?? '')];
  for (const c of contracts) {
    if (c.status === 'I' || c.status === 'D') continue;
    notes.push(plainText(c.alerta_contrato ?? ''));
  }
  return [...new Set(notes.filter((n) => n !== ''))];
}

/** "(19) 98765-4321": phones as IXC's screens store them. */
export function formatPhone(phone: string): string {
  if (phone.length === 11) return `(${phone.slice(0, 2)}) ${phone.slice(2, 7)}-${phone.slice(7)}`;
  if (phone.length === 10) return `(${phone.slice(0, 2)}) ${phone.slice(2, 6)}-${phone.slice(6)}`;
  return phone;
}

/**
 * A record read from a listing, as an update sends it back: yyyy-mm-dd dates as dd/mm/yyyy and
 * IXC's empty dates (0000-00-00, with or without a time) as "". Other values unchanged.
 */
export function recordForUpdate(row: IxcRow): IxcRow {
  const out: IxcRow = {};
  for (const [k, v] of Object.entries(row)) {
    if (/^0000-00-00(?: 00:00:00)?$/.test(v)) out[k] = '';
    else if (/^\d{4}-\d{2}-\d{2}$/.test(v) && isoDate(v) !== null) out[k] = brDate(v);
    else out[k] = v;
  }
  return out;
}
