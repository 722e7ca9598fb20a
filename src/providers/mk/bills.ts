// A customer's open bills in MK: WSMKFaturasPendentes per registration, then per bill (in
// parallel, each optional by setting) the 2ª via (PathDownload), the linha digitável
// (WSMKLDViaSMS) and the Pix code (WSMKRetornarCopieColaPix). An error MK states on one of those
// leaves that field empty (a Pix error is an account without Pix); MK being unreachable fails the call.
import { PonteError } from '../../contract/index.js';
import type { Bill } from '../../contract/objects.js';
import { todayInBrazil } from '../../brasil/dates.js';
import { badResponse, byDueDate, text } from '../kit/index.js';
import type { CallContext, FeeRule } from '../kit/index.js';
import { ERP_NAME } from './client.js';
import type { MkConnection } from './connect.js';
import type { MkCustomer } from './customers.js';
import { NO_EXTRAS, toBill } from './mappers/bill.js';
import type { BillExtras } from './mappers/bill.js';
import { mainRecord } from './mappers/customer.js';
import type { MkRecord } from './mappers/customer.js';
import { SERVICES } from './services.js';

/** Bills looked up at once (three requests each): bounds the requests one call has in flight. */
const BILLS_AT_ONCE = 3;

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface PendingBill {
  record: MkRecord;
  /** The registration it belongs to. */
  pessoa: string;
}

/** The pending bills of every registration of the customer. */
export async function pendingBills(
  conn: MkConnection,
  customer: MkCustomer,
  call: CallContext,
): Promise<PendingBill[]> {
  const lists = await Promise.all(
    customer.records.map(async (r) => {
      const pessoa = text(r.CodigoPessoa);
      const answer = await conn.client.call(SERVICES.faturasPendentes, { cd_cliente: pessoa }, call);
      // 003: nothing pending for that registration.
      if (answer.error?.code === '003') return [];
      if (answer.error !== null) {
        throw badResponse(
          ERP_NAME,
          `WSMKFaturasPendentes with an error: ${answer.error.code} ${answer.error.message}`,
          answer.status,
          answer.text,
        );
      }
      // The recorded answer is an envelope; a bare array (as other MK list services send) is read too.
      const list = Array.isArray(answer.body) ? answer.body : (answer.body as MkRecord).FaturasPendentes;
      if (list === undefined || list === null) return [];
      if (!Array.isArray(list))
        throw badResponse(ERP_NAME, 'WSMKFaturasPendentes without a list', answer.status, answer.text);
      return (list as MkRecord[]).map((record) => ({ record, pessoa }));
    }),
  );
  return lists.flat();
}

async function field(
  conn: MkConnection,
  enabled: boolean,
  service: (typeof SERVICES)[keyof typeof SERVICES],
  params: Record<string, string>,
  pick: (body: MkRecord) => unknown,
  call: CallContext,
): Promise<string> {
  if (!enabled) return '';
  let answer;
  try {
    answer = await conn.client.call(service, params, call);
  } catch (error) {
    // The profile does not authorize this look-up: the bill goes without that field.
    if (error instanceof PonteError && error.code === 'NOT_SUPPORTED') {
      call.warn(`${service.name} is not authorized for the MK webservice profile: its field is left empty`);
      return '';
    }
    throw error;
  }
  if (answer.error !== null || answer.body === null || typeof answer.body !== 'object') return '';
  return text(pick(answer.body as MkRecord));
}

/** What the per-bill services add to a bill. */
export async function extrasOf(conn: MkConnection, bill: string, call: CallContext): Promise<BillExtras> {
  const s = conn.settings;
  const [link, line, pix] = await Promise.all([
    field(conn, s.bill_link, SERVICES.segundaVia, { cd_fatura: bill }, (b) => b.PathDownload, call),
    field(
      conn,
      s.bill_line,
      SERVICES.ldViaSms,
      { cd_fatura: bill },
      (b) => (Array.isArray(b.DadosFatura) ? (b.DadosFatura[0] as MkRecord | undefined)?.ld : ''),
      call,
    ),
    field(conn, s.bill_pix, SERVICES.pix, { CodigoFatura: bill }, (b) => b.texto_qrcode, call),
  ]);
  return link === '' && line === '' && pix === '' ? NO_EXTRAS : { link, line, pix };
}

export function feeRule(conn: MkConnection): FeeRule {
  const f = conn.options.late_fees;
  return {
    fineBasisPoints: f.fine_basis_points,
    monthlyInterestBasisPoints: f.monthly_interest_basis_points,
    interestFrom: f.interest_from,
  };
}

/** Pending bills as contract Bills (with their extras), oldest due date first. */
export async function toBills(
  conn: MkConnection,
  customer: MkCustomer,
  pending: PendingBill[],
  call: CallContext,
): Promise<Bill[]> {
  const names = new Map(customer.records.map((r) => [text(r.CodigoPessoa), text(r.Nome)]));
  const fallbackName = text(mainRecord(customer.records).Nome);
  const today = todayInBrazil(call.now);
  const seen = new Set<string>();
  const unique = pending.filter((p) => {
    const id = text(p.record.codfatura);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const bills = await mapLimit(unique, BILLS_AT_ONCE, async (p) => {
    const id = text(p.record.codfatura);
    const extras = id === '' ? NO_EXTRAS : await extrasOf(conn, id, call);
    return toBill(p.record, extras, {
      document: customer.document,
      name: names.get(p.pessoa) || fallbackName,
      rule: feeRule(conn),
      today,
      warn: (m) => call.warn(m),
    });
  });
  return bills.filter((b): b is Bill => b !== null).sort(byDueDate);
}
