// A boleto Ponte draws itself when MK's 2ª via has no PathDownload (or the link is gone): from
// WSMKLDViaSMS (linha digitável, valor_nominal, data_vencimento, nome) and the 2ª via. MK names
// no beneficiary in these answers, so the bank is read from the line and the beneficiary left blank.
import { lineToBarcode } from '../../brasil/boleto.js';
import { parseSlip } from '../../brasil/slip.js';
import { renderBoletoPdf } from '../../render/boleto-pdf.js';
import { cents, digits, isoDate, text } from '../kit/index.js';
import type { CallContext } from '../kit/index.js';
import type { MkConnection } from './connect.js';
import { SERVICES } from './services.js';

/** The rendered PDF, or null when MK gives no valid linha digitável for the bill. */
export async function renderFromLine(
  conn: MkConnection,
  bill: string,
  secondCopy: Record<string, unknown>,
  payerDocument: string,
  call: CallContext,
): Promise<Buffer | null> {
  const answer = await conn.client.call(SERVICES.ldViaSms, { cd_fatura: bill }, call);
  if (answer.error !== null || answer.body === null || typeof answer.body !== 'object') return null;
  const list = (answer.body as Record<string, unknown>).DadosFatura;
  const row = (Array.isArray(list) ? list[0] : undefined) as Record<string, unknown> | undefined;
  const line = digits(row?.ld);
  if (row === undefined || line.length !== 47 || !parseSlip(line).ok) return null;
  const amount = cents(row.valor_nominal) ?? cents(secondCopy.Valor);
  const due = isoDate(row.data_vencimento) ?? isoDate(secondCopy.Vcto);
  if (amount === null || due === null) return null;
  call.warn(`fatura ${bill}: MK served no PDF, so Ponte rendered the boleto from its linha digitável`);
  return renderBoletoPdf({
    bankCode: line.slice(0, 3),
    bankName: line.slice(0, 3),
    beneficiary: { name: '', document: '' },
    payer: { name: text(row.nome), document: payerDocument },
    agencyAccount: '',
    ourNumber: bill,
    documentNumber: bill,
    issueDate: due,
    dueDate: due,
    amountCents: amount,
    barcode: lineToBarcode(line),
    description: text(row.descricao),
  });
}
