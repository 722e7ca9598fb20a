// Sandbox customers and their contacts as the contract's Customer and Contact.
import type { Contact, Customer } from '../../../contract/index.js';
import { normalisePhone } from '../../../contract/index.js';
import type { ContactRow, CustomerRow } from '../rows.js';

export function toCustomer(row: CustomerRow): Customer {
  return {
    nome_completo: row.name,
    aniversario: row.birth_date,
    data_registro: row.registered_on,
    ativo: row.active === 1,
    id_remoto: String(row.id),
    rua_endereco: row.street,
    numero_endereco: row.number,
    cep_endereco: row.zip_code,
    cidade_endereco: row.city,
    complemento_endereco: row.complement,
    bairro_endereco: row.neighborhood,
    estado_endereco: row.state,
    email: row.email,
    telefone: row.phone,
  };
}

/**
 * The customer's e-mails and phones, each once: e-mails compared trimmed and lower-cased, phones
 * once normalised to DDD + number (masks, +55 and a trunk 0 dropped); values that are not a
 * usable e-mail or Brazilian phone are left out. The customer record's own fields come first.
 */
export function customerContacts(
  customer: Pick<CustomerRow, 'email' | 'phone' | 'phone_secondary'>,
  extra: readonly Pick<ContactRow, 'type' | 'value'>[],
): Contact[] {
  const candidates: Pick<ContactRow, 'type' | 'value'>[] = [
    { type: 'email', value: customer.email },
    { type: 'phone', value: customer.phone },
    { type: 'phone', value: customer.phone_secondary },
    ...extra,
  ];
  const seen = new Set<string>();
  const out: Contact[] = [];
  for (const c of candidates) {
    let value: string | null;
    if (c.type === 'email') {
      value = c.value.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) value = null;
    } else {
      value = normalisePhone(c.value);
    }
    if (value === null || seen.has(`${c.type}:${value}`)) continue;
    seen.add(`${c.type}:${value}`);
    out.push(c.type === 'email' ? { type: 'email', value } : { type: 'phone', value });
  }
  return out;
}
