import type { FunctionOutput } from '../../../contract/index.js';
import { cityIds } from '../cities.js';
import { ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { formatCep } from '../mappers/addresses.js';
import { formatPhone, recordForUpdate } from '../mappers/customers.js';

type Output = FunctionOutput<'update_customer'>;

/**
 * Read, merge, write: IXC's PUT replaces the whole record (a field left out is blanked), so the
 * record is read and sent back whole with only the given fields changed. phone -> telefone_celular,
 * phone_secondary -> fone; a new city is looked up in IXC's cidade table (by IBGE code, else name
 * and UF) and a city IXC does not know is a refusal (success false). Nothing changed -> no write.
 * Dates go back dd/mm/yyyy and IXC's empty date as "" (recordForUpdate), as a client migrating
 * real tenants sends them; the record is read back, and a change IXC did not keep is success false
 * naming the fields.
 */
export const updateCustomer = ixcFunction('update_customer', async (conn, input, call): Promise<Output> => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  const changes = input.changes;
  const next: Record<string, string> = { ...row };
  if (changes.email !== undefined) next.email = changes.email;
  if (changes.phone !== undefined) next.telefone_celular = formatPhone(changes.phone);
  if (changes.phone_secondary !== undefined) next.fone = formatPhone(changes.phone_secondary);
  const a = changes.address ?? {};
  if (a.zip_code !== undefined) next.cep = formatCep(a.zip_code);
  if (a.street !== undefined) next.endereco = a.street;
  if (a.number !== undefined) next.numero = a.number;
  if (a.complement !== undefined) next.complemento = a.complement;
  if (a.neighborhood !== undefined) next.bairro = a.neighborhood;
  if (a.reference !== undefined) next.referencia = a.reference;
  if (a.latitude !== undefined) next.latitude = String(a.latitude);
  if (a.longitude !== undefined) next.longitude = String(a.longitude);
  if (a.city !== undefined || a.ibge_code !== undefined) {
    const city = await cityIds(conn, a, call, false);
    if (city === null) {
      return {
        success: false,
        api_response: JSON.stringify({
          type: 'error',
          message: `Cidade ${a.city ?? a.ibge_code ?? ''} não encontrada no IXC.`,
        }),
      };
    }
    next.cidade = city.id;
    if ('uf' in row) next.uf = city.uf;
  }
  const changed = Object.keys(next).filter((k) => next[k] !== row[k]);
  if (changed.length === 0) {
    return {
      success: true,
      api_response: JSON.stringify({ type: 'success', message: 'Nenhuma alteração necessária.', id: row.id }),
    };
  }
  const { id = '', ...record } = next;
  const result = await conn.client.update('cliente', id, recordForUpdate(record), call);
  if (!result.ok) return { success: false, api_response: result.raw };
  // IXC answers success even for fields it silently did not write: read the record back.
  const after = await conn.client.byId('cliente', id, call);
  const dropped = changed.filter((k) => (after?.[k] ?? '') !== next[k]);
  if (dropped.length === 0) return { success: true, api_response: result.raw };
  return {
    success: false,
    api_response: JSON.stringify({
      type: 'error',
      message: `O IXC respondeu sucesso mas não gravou: ${dropped.join(', ')}.`,
      answer: result.raw,
    }),
  };
});
