// Voalle receivable titles -> the contract's Bill. Voalle splits the charges itself
// (`amount{value, finalValue, discount, fine, interest}`), so the valuation uses its split and
// checks that finalValue agrees with it to the cent (a title whose figures contradict themselves is
// ERP_BAD_RESPONSE). `status` sits in `billet` on one tenant, on the item in the Go SDK's model and
// nowhere on another tenant: all three are read; with none, a listed open title is open.
import { PonteError } from '../../../contract/index.js';
import type { Bill } from '../../../contract/index.js';
import { billMoney, valueBill } from '../../kit/valuation.js';
import { cents, digits, document, isoDate, text } from '../../kit/edge.js';

export type TitleStatus = 'open' | 'paid' | 'cancelled';

/** A title as read from getopentitlesbytxid or gettitlesbytxid. */
export interface VoalleTitle {
  id: string;
  contractNumber: string;
  code: string;
  issueDate: string;
  dueDate: string;
  status: TitleStatus | null;
  valueCents: number;
  finalCents: number;
  fineCents: number;
  interestCents: number;
  discountCents: number;
  typefulLine: string;
  pixCode: string;
  clientTxId: string;
  clientName: string;
  /** What was received, for paid titles (`receipts.ammount`, the API's spelling). */
  paidCents: number | null;
}

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function bad(what: string): PonteError {
  return new PonteError('ERP_BAD_RESPONSE', `Voalle answered a title ${what}`);
}

/** Voalle's status labels ("Em aberto", "Vencida", "Paga", "Cancelada"); null when absent or unknown. */
export function titleStatus(label: unknown): TitleStatus | null {
  const l = text(label)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (l === 'em aberto' || l === 'vencida' || l === 'aberto' || l === 'vencido') return 'open';
  if (l === 'paga' || l === 'pago' || l === 'quitada') return 'paid';
  if (l === 'cancelada' || l === 'cancelado') return 'cancelled';
  return null;
}

/** Reads one item; throws ERP_BAD_RESPONSE when its id, due date or amount is missing. */
export function parseTitle(item: unknown): VoalleTitle {
  const row = obj(item);
  const billet = obj(row.billet);
  const amount = obj(billet.amount);
  const client = obj(row.client);
  const receipts = Array.isArray(billet.receipts) ? obj(billet.receipts[0]) : obj(billet.receipts);
  const id = text(row.id);
  if (!/^\d+$/.test(id)) throw bad('without an id');
  const dueDate = isoDate(billet.expirationDate);
  if (dueDate === null) throw bad(`${id} without a due date`);
  const value = cents(amount.value) ?? cents(amount.originalValue);
  if (value === null) throw bad(`${id} without an amount`);
  const fine = cents(amount.fine) ?? 0;
  const interest = cents(amount.interest) ?? 0;
  const discount = cents(amount.discount) ?? 0;
  return {
    id,
    contractNumber: text(row.contractNumber),
    code: text(billet.title),
    issueDate: isoDate(billet.issueDate) ?? '',
    dueDate,
    status: titleStatus(billet.status) ?? titleStatus(row.status),
    valueCents: value,
    finalCents: cents(amount.finalValue) ?? value + fine + interest - discount,
    fineCents: fine,
    interestCents: interest,
    discountCents: discount,
    typefulLine: digits(billet.typefulLine),
    // The Dart model spells it pixQrCode.
    pixCode: text(billet.pixQRCode ?? billet.pixQrCode),
    clientTxId: document(client.txId),
    clientName: text(client.name),
    paidCents: cents(receipts.ammount ?? receipts.amount),
  };
}

/** The contract's Bill; `owner` is the document asked for (Voalle's client.txId when present). */
export function billFromTitle(t: VoalleTitle, owner: string): Bill {
  const status = t.status ?? 'open';
  const valued =
    status === 'open'
      ? valueBill(t.valueCents, t.dueDate, {
          kind: 'erp',
          interestCents: t.interestCents,
          fineCents: t.fineCents,
          discountCents: t.discountCents,
        })
      : status === 'paid' && t.paidCents !== null
        ? valueBill(t.valueCents, t.dueDate, { kind: 'paid', paidCents: t.paidCents })
        : valueBill(t.valueCents, t.dueDate, { kind: 'none' });
  if (status === 'open' && valued.totalCents !== t.finalCents) {
    throw new PonteError(
      'ERP_BAD_RESPONSE',
      `Voalle answered title ${t.id} with finalValue ${t.finalCents} cents, not value + fine + interest - discount (${valued.totalCents})`,
    );
  }
  return {
    document_number: t.clientTxId || owner,
    fatura: t.id,
    nome_cliente: t.clientName,
    ...billMoney(valued),
    emissao: t.issueDate,
    vencimento: t.dueDate,
    historico: t.contractNumber === '' ? t.code : `Contrato ${t.contractNumber} - ${t.code}`,
    link_boleto: '',
    linha_digitavel: t.typefulLine,
    code_fatura: t.code,
    identifier: '',
    remote_id: t.id,
    pix_code: t.pixCode,
    status,
  };
}
