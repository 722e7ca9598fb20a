import { PonteError } from '../../../contract/index.js';
import { rejected } from '../../kit/http.js';
import { billOf } from '../bills.js';
import { ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';

/**
 * The boleto's PDF from get_boleto (updated with fine and interest, as IXC prints it). With a
 * document (required when the tenant option says so) the bill must be that customer's. Unknown,
 * hidden and cancelled bills are BILL_NOT_FOUND.
 */
export const getBoletoPdf = ixcFunction('get_boleto_pdf', async (conn, input, call) => {
  const document = input.customer_document_number;
  if (document === undefined && conn.options.require_document_for_boleto_pdf) {
    throw new PonteError('INVALID_INPUT', 'customer_document_number is required for get_boleto_pdf', {
      details: [{ path: 'customer_document_number', message: 'required by the tenant' }],
    });
  }
  const row =
    document === undefined
      ? await conn.client.byId('fn_areceber', input.boleto_id, call)
      : await billOf(conn, (await requireCustomer(conn, document, call)).row, input.boleto_id, call);
  if (row === undefined || row.liberado === 'N' || row.status === 'C') {
    throw new PonteError('BILL_NOT_FOUND', `IXC has no printable boleto ${input.boleto_id}`);
  }
  const answer = await conn.client.pdf(
    'get_boleto',
    {
      boletos: row.id ?? '',
      juro: 'S',
      multa: 'S',
      atualiza_boleto: 'S',
      tipo_boleto: 'arquivo',
      base64: 'S',
    },
    call,
  );
  if ('error' in answer) throw rejected('IXC', answer.error, 200, answer.error);
  return { base_64: answer.pdf.toString('base64') };
});
