import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { todayInBrazil } from '../../../brasil/dates.js';
import { PonteError } from '../../../contract/index.js';
import type { FunctionOutput } from '../../../contract/index.js';
import { text } from '../../kit/edge.js';
import { titleOf } from '../bills.js';
import { missingSetting, readFailed, voalleFunction, type VoalleConnection } from '../client.js';
import type { CallContext } from '../../types.js';

type Output = FunctionOutput<'settle_bill'>;

const ALREADY = /j[aá]\s+(se\s+encontra\s+)?(baixad|quitad|pag)|already/i;

/** The receivepayment transactionId of a payment: a GUID derived from (tenant, transaction.id), so every resend carries the same one. */
export function transactionGuid(tenantId: string, transactionId: string): string {
  const h = createHash('sha256').update(`ponte:${tenantId}:${transactionId}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface Consult {
  processed: boolean;
  success: boolean;
  message: string;
  text: string;
}

async function consult(conn: VoalleConnection, synGw: string, call: CallContext): Promise<Consult> {
  const envelope = await conn.client.get(
    `consultpayment?syngwtransactionid=${encodeURIComponent(synGw)}`,
    call,
  );
  if (!envelope.ok) throw readFailed('consultpayment', envelope);
  const r = (envelope.response ?? {}) as {
    processed?: unknown;
    status?: { value?: unknown; label?: unknown };
    message?: unknown;
  };
  const label = text(r.status?.label);
  const message = typeof r.message === 'string' ? r.message : '';
  return {
    processed: r.processed === true,
    // Only the label "Processado com sucesso" is recorded (the SDK's fixture); an error label or a message is a failure.
    success: r.processed === true && /sucesso/i.test(label) && !/erro/i.test(label),
    message: message || label,
    text: envelope.text,
  };
}

/**
 * Asynchronous and exactly once per transaction.id:
 * - the title is read first (gettitlesbytxid): another customer's or unknown is BILL_NOT_FOUND,
 *   cancelled is rejected;
 * - receivepayment carries a transactionId derived from (tenant, transaction.id), Voalle's
 *   idempotency key (Go SDK), so a resend after a lost answer names the same payment; a
 *   synGwTransactionId this process already got is polled without a resend;
 * - then consultpayment is polled (settlement_polls times, settlement_poll_interval_ms apart):
 *   processed with success is settled; processed with an error is already_settled when the title
 *   was paid by something else, else rejected; still unprocessed is ERP_UNAVAILABLE "maybe sent",
 *   which the gateway keeps and retries (it reads the open bills first: paid means settled);
 * - refused by receivepayment: already_settled when the title is no longer open, else rejected.
 */
export const settleBill = voalleFunction('settle_bill', async (conn, input, call): Promise<Output> => {
  const doc = input.customer_document_number;
  const title = await titleOf(conn, doc, input.boleto_id, call);
  if (title === null || (title.clientTxId !== '' && title.clientTxId !== doc)) {
    throw new PonteError('BILL_NOT_FOUND', `Voalle has no title ${input.boleto_id} for this customer`);
  }
  const state = JSON.stringify({ id: title.id, status: title.status, finalValue: title.finalCents / 100 });
  if (title.status === 'cancelled') return { success: false, status: 'rejected', api_response: state };
  const tx = input.transaction;
  const guid = transactionGuid(conn.tenantId, tx.id);
  let synGw = conn.payments.get(guid);
  if (synGw === undefined) {
    const method = tx.method ?? 'pix';
    const form = conn.settings.payment_form_codes[method];
    if (form === undefined)
      throw missingSetting(
        'settle_bill',
        `payment_form_codes.${method}`,
        'the PaymentFormCode of this method',
      );
    const account = conn.settings.bank_account_code;
    if (account === undefined)
      throw missingSetting('settle_bill', 'bank_account_code', 'the bank account payments are booked into');
    const day = todayInBrazil(new Date(tx.paid_at));
    const answer = await conn.client.write(
      'POST',
      'receivepayment',
      {
        transactionId: guid,
        financialReceivableTitleId: Number(title.id),
        paidAmount: tx.amount / 100,
        message: `Ponte ${method} ${tx.end_to_end_id ?? tx.nsu ?? tx.id}`.slice(0, 200),
        BankAccountCode: Number(account) || account,
        PaymentFormCode: Number(form) || form,
        ReceiptDate: day,
        ClientPaidDate: day,
      },
      call,
    );
    const id = (answer.response as { synGwTransactionId?: unknown } | null)?.synGwTransactionId;
    if (!answer.ok || typeof id !== 'string' || id === '') {
      const paidElsewhere = title.status === 'paid' || answer.messages.some((m) => ALREADY.test(m));
      return {
        success: false,
        status: paidElsewhere ? 'already_settled' : 'rejected',
        api_response: answer.text,
      };
    }
    synGw = id;
    conn.payments.set(guid, synGw);
  }
  for (let poll = 0; poll < conn.settings.settlement_polls; poll++) {
    if (poll > 0) await sleep(conn.settings.settlement_poll_interval_ms, undefined, { signal: call.signal });
    const c = await consult(conn, synGw, call);
    if (!c.processed) continue;
    conn.payments.delete(guid);
    if (c.success) return { success: true, status: 'settled', api_response: c.text, settlement_id: synGw };
    return {
      success: false,
      status: ALREADY.test(c.message) ? 'already_settled' : 'rejected',
      api_response: c.text,
    };
  }
  throw new PonteError(
    'ERP_UNAVAILABLE',
    `Voalle took the payment (synGwTransactionId ${synGw}) but has not processed it yet`,
    { delivery: 'maybe_sent' },
  );
});
