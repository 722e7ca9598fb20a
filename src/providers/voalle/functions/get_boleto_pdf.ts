import { PonteError } from '../../../contract/index.js';
import { titleOf } from '../bills.js';
import { voalleFunction } from '../client.js';

const notFound = (id: string) => new PonteError('BILL_NOT_FOUND', `Voalle has no open boleto ${id}`);

/**
 * GetBillet/{id} (binary PDF); when it answers no PDF, GetBilletLink/{id} and its signed link.
 * With a document, the title must be that customer's.
 */
export const getBoletoPdf = voalleFunction('get_boleto_pdf', async (conn, input, call) => {
  const id = input.boleto_id;
  if (!/^\d+$/.test(id)) throw notFound(id);
  if (input.customer_document_number !== undefined) {
    const title = await titleOf(conn, input.customer_document_number, id, call);
    if (title === null) throw notFound(id);
  }
  const pdf = await conn.client.pdf(`GetBillet/${id}`, call);
  if (Buffer.isBuffer(pdf)) return { base_64: pdf.toString('base64') };
  const link = await conn.client.get(`GetBilletLink/${id}`, call);
  const url = (link.response as { link?: unknown } | null)?.link;
  if (!link.ok || typeof url !== 'string' || url === '') throw notFound(id);
  const bytes = await conn.client.download(url, call);
  if (bytes === null) throw notFound(id);
  return { base_64: bytes.toString('base64') };
});
