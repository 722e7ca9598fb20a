import { badResponse, text } from '../../kit/index.js';
import { ERP_NAME, sgpFunction } from '../client.js';
import { requireContracts } from '../customers.js';

/**
 * The customer's anotações (GET /api/ura/cliente/anotacao/list with `cliente_id` as a form body),
 * oldest first, each note's text once; notes of every contract and of none are included.
 */
export const getInternalPending = sgpFunction('get_internal_pending', async (conn, input, call) => {
  const entries = await requireContracts(conn, input.customer_document_number, call);
  const clienteId = text(entries[0]!.clienteId);
  const answer = await conn.client.get('/api/ura/cliente/anotacao/list', { cliente_id: clienteId }, call, {
    read: true,
    formBody: true,
  });
  if (!Array.isArray(answer.body))
    throw badResponse(ERP_NAME, 'anotações that are not a list', answer.status, answer.raw);
  const notes = (answer.body as Record<string, unknown>[])
    .filter((n) => n !== null && typeof n === 'object' && text(n.cliente) === clienteId)
    .sort((a, b) => Number(text(a.id)) - Number(text(b.id)))
    .map((n) => text(n.anotacao))
    .filter((n) => n !== '');
  return [...new Set(notes)];
});
