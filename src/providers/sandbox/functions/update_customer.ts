import { erpAnswer } from '../records.js';
import { requireCustomerRecord } from '../customers.js';
import { writeFunction } from '../declare.js';
import type { CustomerRow } from '../rows.js';

const ADDRESS_FIELDS = [
  'zip_code',
  'street',
  'number',
  'complement',
  'neighborhood',
  'city',
  'state',
  'ibge_code',
  'reference',
] as const;

/**
 * Read, merge, write: only the fields given change. Coordinates are accepted and ignored (the
 * sandbox keeps none).
 */
export const updateCustomer = writeFunction('update_customer', (conn, input, { call }) => {
  const changes = input.changes;
  const current = requireCustomerRecord(conn, input.customer_document_number);
  const next: CustomerRow = { ...current };
  if (changes.email !== undefined) next.email = changes.email;
  if (changes.phone !== undefined) next.phone = changes.phone;
  if (changes.phone_secondary !== undefined) next.phone_secondary = changes.phone_secondary;
  const address = changes.address ?? {};
  const given = ADDRESS_FIELDS.filter((field) => address[field] !== undefined);
  Object.assign(next, Object.fromEntries(given.map((field) => [field, address[field]])));
  const changed = (Object.keys(next) as (keyof CustomerRow)[]).filter((k) => next[k] !== current[k]);
  if (changed.length > 0) {
    next.updated_at = call.now.toISOString();
    conn.q.updateCustomer.run(next);
  }
  return {
    success: true,
    api_response: erpAnswer({
      type: 'success',
      message: changed.length > 0 ? 'Cadastro do cliente atualizado.' : 'Nenhuma alteração necessária.',
      id: String(current.id),
      campos_alterados: changed,
    }),
  };
});
