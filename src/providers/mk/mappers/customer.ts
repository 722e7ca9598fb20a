// MK registrations (WSMKConsultaDoc records: the main one and each of `Outros[]`) -> the contract's
// Customer and contacts. MK sends the address as one string "street, number - district, city"
// (clients.md §5.1), the CEP as 8 digits, the phone as digits, no birth date, no state and no
// registration date (the caller passes the earliest connection's `cadastro`).
import type { FunctionOutput } from '../../../contract/index.js';
import { normalisePhone } from '../../../contract/values.js';
import { digits, text } from '../../kit/index.js';

export type MkRecord = Record<string, unknown>;

export interface SplitAddress {
  street: string;
  number: string;
  district: string;
  city: string;
}

/** "RUA X, 123 - CENTRO, CHAPECÓ" -> its parts; a string of another form is all street. */
export function splitEndereco(value: unknown): SplitAddress {
  const raw = text(value);
  const m = /^(.*?),\s*([^,]*?)\s+-\s+(.*?),\s*([^,]+)$/.exec(raw);
  if (m === null) return { street: raw, number: '', district: '', city: '' };
  return { street: m[1]!.trim(), number: m[2]!.trim(), district: m[3]!.trim(), city: m[4]!.trim() };
}

/** MK's Situacao describes the registration (not a contract): "Ativo" is active. */
export function isActive(record: MkRecord): boolean {
  return text(record.Situacao).toLowerCase() === 'ativo';
}

/** The registration a document stands for: the main one when active, else the first active one, else the main one. */
export function mainRecord(records: readonly MkRecord[]): MkRecord {
  return records.find((r, i) => i === 0 && isActive(r)) ?? records.find(isActive) ?? records[0]!;
}

function emailsOf(value: unknown): string[] {
  return text(value)
    .split(/[;,\s]+/)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e));
}

function phoneOf(value: unknown): string {
  return normalisePhone(digits(value)) ?? '';
}

export function toCustomer(record: MkRecord, registeredOn: string): FunctionOutput<'get_customer'> {
  const address = splitEndereco(record.Endereco);
  const cep = digits(record.CEP);
  return {
    nome_completo: text(record.Nome),
    aniversario: '',
    data_registro: registeredOn,
    ativo: isActive(record),
    id_remoto: text(record.CodigoPessoa),
    rua_endereco: address.street,
    numero_endereco: address.number,
    cep_endereco: cep.length === 8 ? cep : '',
    cidade_endereco: address.city,
    complemento_endereco: '',
    bairro_endereco: address.district,
    estado_endereco: '',
    email: emailsOf(record.Email)[0] ?? '',
    telefone: phoneOf(record.Fone),
  };
}

/** E-mails and phones of every registration, main first, deduplicated. */
export function contactsOf(records: readonly MkRecord[]): FunctionOutput<'get_customer_contacts'> {
  const seen = new Set<string>();
  const out: FunctionOutput<'get_customer_contacts'> = [];
  for (const r of records) {
    for (const email of emailsOf(r.Email)) {
      if (!seen.has(`e:${email}`)) out.push({ type: 'email', value: email });
      seen.add(`e:${email}`);
    }
    const phone = phoneOf(r.Fone);
    if (phone !== '' && !seen.has(`p:${phone}`)) out.push({ type: 'phone', value: phone });
    seen.add(`p:${phone}`);
  }
  return out;
}
