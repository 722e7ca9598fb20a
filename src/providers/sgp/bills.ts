// Reading títulos from SGP: /api/ura/titulos/ by CPF/CNPJ or by título id, offset/limit pages of at
// most 250 (`paginacao.total` says when to stop), and the Pix code of an open título that has none
// from /api/ura/pagamento/pix/{id} (form `contrato`).
import { todayInBrazil } from '../../brasil/dates.js';
import { isValidPix } from '../../brasil/pix.js';
import { PonteError } from '../../contract/index.js';
import type { FunctionOutput } from '../../contract/index.js';
import { badResponse, byDueDate, document, readAllPages, text } from '../kit/index.js';
import type { CallContext } from '../kit/index.js';
import { ERP_NAME } from './client.js';
import type { SgpConnection } from './client.js';
import { titleStatus, toBill } from './mappers/bills.js';
import type { SgpTitle } from './mappers/bills.js';

type Bill = FunctionOutput<'list_bills'>[number];

const PAGE = 250;

/** Every título matching `filter` (cpfcnpj, titulo_id, status...), oldest due date first. */
export async function titles(
  conn: SgpConnection,
  filter: Record<string, string>,
  call: CallContext,
): Promise<SgpTitle[]> {
  return readAllPages<SgpTitle>(
    async (_index, offset) => {
      const answer = await conn.client.post(
        '/api/ura/titulos/',
        { ...filter, ordenar: 'data_vencimento', ordenar_ordem: 'asc', offset, limit: PAGE },
        call,
        { read: true },
      );
      const body = answer.body as { titulos?: unknown; paginacao?: { total?: unknown } } | null;
      if (body === null || !Array.isArray(body.titulos)) {
        throw badResponse(ERP_NAME, 'títulos without a titulos list', answer.status, answer.raw);
      }
      const total = Number(text(body.paginacao?.total));
      return {
        rows: body.titulos as SgpTitle[],
        ...(Number.isFinite(total) && text(body.paginacao?.total) !== '' ? { total } : {}),
      };
    },
    { pageSize: PAGE, erpName: ERP_NAME },
  );
}

/** One título by id, or undefined. */
export async function titleById(
  conn: SgpConnection,
  id: string,
  call: CallContext,
): Promise<SgpTitle | undefined> {
  if (!/^\d+$/.test(id)) return undefined;
  const found = await titles(conn, { titulo_id: id }, call);
  return found.find((t) => text(t.id) === id);
}

/** The título when it is the customer's; BILL_NOT_FOUND otherwise. */
export async function requireTitle(
  conn: SgpConnection,
  id: string,
  customerDocument: string | undefined,
  call: CallContext,
): Promise<SgpTitle> {
  const t = await titleById(conn, id, call);
  if (
    t === undefined ||
    (customerDocument !== undefined && document(t.clienteCpfcnpj) !== customerDocument)
  ) {
    throw new PonteError('BILL_NOT_FOUND', `SGP has no título ${id} for this customer`);
  }
  return t;
}

/**
 * The Pix code SGP generates for an open título (unverified answer: `{status: 1, pix}` is a
 * production client's fixture). A refusal or an unreadable code is "" with a warning: the bill
 * is still answered, the platform then uses its own Pix.
 */
export async function pixFromSgp(conn: SgpConnection, t: SgpTitle, call: CallContext): Promise<string> {
  const id = text(t.id);
  try {
    const answer = await conn.client.post(
      `/api/ura/pagamento/pix/${id}`,
      { contrato: text(t.clienteContrato) },
      call,
      { read: true, refusalsAsData: true },
    );
    const b = (answer.body ?? {}) as Record<string, unknown>;
    const pix = text(b.pix) || text(b.codigoPix) || text(b.codigopix) || text(b.qrcode);
    if (pix !== '' && isValidPix(pix)) return pix;
    call.warn(`título ${id}: SGP gave no usable Pix code${text(b.msg) === '' ? '' : ` (${text(b.msg)})`}`);
  } catch (error) {
    if (call.signal.aborted) throw error;
    call.warn(`título ${id}: asking SGP for its Pix code failed (${(error as Error).message})`);
  }
  return '';
}

/** Títulos as Bills valued today, Pix codes filled in for open ones when the tenant wants it. */
export async function toBills(conn: SgpConnection, list: SgpTitle[], call: CallContext): Promise<Bill[]> {
  const today = todayInBrazil(call.now);
  const bills = await Promise.all(
    list.map(async (t) => {
      const own = text(t.codigoPix) || text(t.codigopix);
      const pix =
        titleStatus(t) === 'open' && own === '' && conn.settings.generate_pix
          ? await pixFromSgp(conn, t, call)
          : undefined;
      return toBill(t, conn.options, today, pix, (m) => call.warn(m));
    }),
  );
  return bills.sort(byDueDate);
}
