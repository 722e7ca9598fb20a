import { todayInBrazil } from '../../../brasil/dates.js';
import { formatMoney } from '../../../brasil/money.js';
import { PonteError } from '../../../contract/index.js';
import type { FunctionOutput } from '../../../contract/index.js';
import type { CallContext } from '../../kit/index.js';
import { text } from '../../kit/index.js';
import { sgpFunction } from '../client.js';
import type { SgpConnection } from '../client.js';
import { requireTitle } from '../bills.js';
import { titleStatus } from '../mappers/bills.js';
import type { SgpTitle } from '../mappers/bills.js';

type Output = FunctionOutput<'settle_bill'>;

/** SGP's forma_pagamento per transaction method (DINHEIRO, CARTAO, DEBITO, PIX are all it takes). */
const FORMA: Readonly<Record<string, string>> = {
  pix: 'PIX',
  credit_card: 'CARTAO',
  debit_card: 'DEBITO',
  tef: 'CARTAO',
  cash: 'DINHEIRO',
  boleto: 'DINHEIRO',
};

function stateOf(t: SgpTitle): string {
  return JSON.stringify({
    id: t.id,
    status: t.status,
    valor: t.valor,
    valorPago: t.valorPago,
    dataPagamento: t.dataPagamento,
    usuario_baixa: t.usuario_baixa,
  });
}

/** After a baixa whose answer was lost: the título read back; paid means the baixa landed. */
async function landed(
  conn: SgpConnection,
  id: string,
  doc: string,
  call: CallContext,
): Promise<SgpTitle | null> {
  if (call.signal.aborted) return null;
  try {
    const t = await requireTitle(conn, id, doc, call);
    return titleStatus(t) === 'paid' ? t : null;
  } catch {
    return null;
  }
}

/**
 * The baixa (POST /api/banco/titulo/{id}/baixar/, form), exactly once per transaction:
 * - the título is read first: paid is already_settled, cancelled is rejected; only an open
 *   ("Gerado") título is sent a baixa;
 * - 2xx (SGP's 202 with an empty body) is settled; 404 (no título "Gerado" by that id: someone
 *   settled it in between) is already_settled when the read-back shows it paid, else rejected;
 *   401 (SGP's validation) is rejected; 403 is the token's "Permite Baixar Titulo" permission
 *   (ERP_UNAVAILABLE naming it: nothing was done);
 * - a lost answer (timeout, 5xx, reset) is never resent from here: the título is read back and a
 *   paid one is settled; otherwise the failure goes to the gateway's queue, which reads the bill
 *   again before any resend.
 */
export const settleBill = sgpFunction('settle_bill', async (conn, input, call): Promise<Output> => {
  const doc = input.customer_document_number;
  const t = await requireTitle(conn, input.boleto_id, doc, call);
  const status = titleStatus(t);
  if (status === 'paid') return { success: false, status: 'already_settled', api_response: stateOf(t) };
  if (status !== 'open') return { success: false, status: 'rejected', api_response: stateOf(t) };

  const tx = input.transaction;
  const id = text(t.id);
  const details = [
    `Ponte ${tx.id}`,
    tx.end_to_end_id && `E2E ${tx.end_to_end_id}`,
    tx.nsu && `NSU ${tx.nsu}`,
    tx.authorization_code && `aut. ${tx.authorization_code}`,
  ]
    .filter(Boolean)
    .join(' ');
  let answer;
  try {
    answer = await conn.client.post(
      `/api/banco/titulo/${id}/baixar/`,
      {
        data_pagamento: todayInBrazil(new Date(tx.paid_at)),
        valor_pago: formatMoney(tx.amount),
        forma_pagamento: FORMA[tx.method ?? 'pix'] ?? 'DINHEIRO',
        ponto_recebimento: conn.settings.ponto_recebimento_id,
        ...(tx.fee !== undefined && tx.fee > 0 ? { tarifas: formatMoney(tx.fee) } : {}),
        observacao: details.slice(0, 250),
      },
      call,
      { read: false, accept: [200, 201, 202, 204, 401, 403, 404] },
    );
  } catch (error) {
    if (error instanceof PonteError && error.code === 'ERP_UNAVAILABLE' && !error.notSent) {
      const after = await landed(conn, id, doc, call);
      if (after !== null) {
        return {
          success: true,
          status: 'settled',
          api_response: `SGP's answer was lost (${error.message}); the título reads back paid: ${stateOf(after)}`,
        };
      }
    }
    throw error;
  }
  const raw =
    answer.raw === '' ? `HTTP ${answer.status} (empty body)` : `HTTP ${answer.status}: ${answer.raw}`;
  if (answer.status >= 200 && answer.status < 300)
    return { success: true, status: 'settled', api_response: raw };
  if (answer.status === 403) {
    throw new PonteError(
      'ERP_UNAVAILABLE',
      'SGP refused the baixa for the token (HTTP 403): the token needs "Permite Baixar Titulo" (Painel Admin → Tokens), and token and app must be right',
      { details: { settings: ['token', 'app'] }, delivery: 'not_sent' },
    );
  }
  if (answer.status === 404) {
    const after = await landed(conn, id, doc, call);
    return after !== null
      ? { success: false, status: 'already_settled', api_response: `${raw}; ${stateOf(after)}` }
      : { success: false, status: 'rejected', api_response: raw };
  }
  return { success: false, status: 'rejected', api_response: raw };
});
