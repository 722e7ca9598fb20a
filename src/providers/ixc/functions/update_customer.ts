import type { FunctionOutput } from '../../../contract/index.js';
import type { ProviderFunction } from '../../types.js';
import { requireCustomer } from '../connection.js';
import type { IxcConnection } from '../connection.js';
import { formatCep } from '../mappers.js';
import { cityId, formatPhone } from '../writes.js';

type Output = FunctionOutput<'update_customer'>;

/**
 * Read, merge, write: IXC's PUT replaces the whole record (a field left out is blanked), so the
 * record is read and sent back whole with only the given fields changed. phone -> telefone_celular,
 * phone_secondary -> fone; a new city is looked up in IXC's cidade table (by IBGE code, else name
 * and UF) and a city IXC does not know is a refusal (success false). Nothing changed -> no write.
 */
export const updateCustomer: ProviderFunction<IxcConnection, 'update_customer'> = async (
  conn,
  input,
  call,
): Promise<Output> => {
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
    const city = await cityId(conn, a, call, false);
    if (city === null) {
      return {
        success: false,
        api_response: JSON.stringify({
          type: 'error',
          message: `Cidade ${a.city ?? a.ibge_code ?? ''} não encontrada no IXC.`,
        }),
      };
    }
    next.cidade = city;
  }
  const changed = Object.keys(next).filter((k) => next[k] !== row[k]);
  if (changed.length === 0) {
    return {
      success: true,
      api_response: JSON.stringify({ type: 'success', message: 'Nenhuma alteração necessária.', id: row.id }),
    };
  }
  const { id, ...record } = next;
  const result = await conn.client.update('cliente', id ?? '', record, call);
  return { success: result.ok, api_response: result.raw };
};
