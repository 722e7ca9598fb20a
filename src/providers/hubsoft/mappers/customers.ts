// Hubsoft clientes (the cliente route) as the contract's Customer, its contacts and its internal
// notes. Pure.
import { normalisePhone, UFS } from '../../../contract/index.js';
import type { Contact, Customer } from '../../../contract/index.js';
import { digits, isoDate, text } from '../../kit/edge.js';
import type { HubsoftAddress, HubsoftCustomer, HubsoftService, Loose } from '../types.js';
import { street } from './addresses.js';
import { badAnswer } from './errors.js';

/**
 * A birth date, or '' when unknown. Hubsoft prints an unknown one as the epoch seen from Brazil
 * (1969-12-31, or 1970-01-01), which no customer of an ISP was born on.
 */
export function birthDate(value: Loose): string {
  const iso = isoDate(value);
  return iso === null || iso === '1969-12-31' || iso === '1970-01-01' ? '' : iso;
}

function mainAddress(customer: HubsoftCustomer): HubsoftAddress | null {
  const service = (customer.servicos ?? [])[0];
  return service?.endereco_cadastral ?? service?.endereco_instalacao ?? null;
}

function isLive(service: HubsoftService): boolean {
  const status = text(service.status_prefixo);
  return status !== 'cancelado' && status !== 'inativo';
}

export function toCustomer(customer: HubsoftCustomer): Customer {
  const registered = isoDate(customer.data_cadastro);
  const id = text(customer.id_cliente);
  if (registered === null || id === '')
    throw badAnswer('a cliente without a readable id_cliente or data_cadastro');
  const address = mainAddress(customer);
  const cep = digits(address?.cep);
  const uf = text(address?.estado).toUpperCase();
  const services = customer.servicos ?? [];
  return {
    nome_completo: text(customer.nome_razaosocial),
    aniversario: birthDate(customer.data_nascmento ?? customer.data_nascimento),
    data_registro: registered,
    ativo: typeof customer.ativo === 'boolean' ? customer.ativo : services.some(isLive),
    id_remoto: id,
    rua_endereco: street(address),
    numero_endereco: text(address?.numero),
    cep_endereco: cep.length === 8 ? cep : '',
    cidade_endereco: text(address?.cidade),
    complemento_endereco: text(address?.complemento),
    bairro_endereco: text(address?.bairro),
    estado_endereco: (UFS as readonly string[]).includes(uf) ? (uf as Customer['estado_endereco']) : '',
    email: text(customer.email_principal),
    telefone: normalisePhone(text(customer.telefone_primario)) ?? '',
  };
}

/** The customer's phones, primary first, normalised; unusable ones dropped. */
export function phonesOf(customer: HubsoftCustomer): string[] {
  return [customer.telefone_primario, customer.telefone_secundario, customer.telefone_terciario].flatMap(
    (phone) => normalisePhone(text(phone)) ?? [],
  );
}

/** E-mails (lower-cased) then phones (normalised), each once; unusable values dropped. */
export function toContacts(customer: HubsoftCustomer): Contact[] {
  const emails = [customer.email_principal, customer.email_secundario]
    .map((email) => text(email).toLowerCase())
    .filter((value) => value.includes('@'));
  const contacts: Contact[] = [
    ...emails.map((value) => ({ type: 'email' as const, value })),
    ...phonesOf(customer).map((value) => ({ type: 'phone' as const, value })),
  ];
  const seen = new Set<string>();
  return contacts.filter((c) => {
    const key = `${c.type}:${c.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The customer's alerts (alerta_mensagens), the internal notes Hubsoft exposes to integrations. */
export function internalNotes(customer: HubsoftCustomer): string[] {
  const messages = Array.isArray(customer.alerta_mensagens) ? (customer.alerta_mensagens as unknown[]) : [];
  return messages.map((m) => text(m)).filter((m) => m !== '');
}
