// A customer's contracts: POST contract/getpaged {txId, onlyActiveContracts: false, page, pageSize}.
// Clients send page 1 first; a collection-derived note says body paging starts at 0. So page 1 is
// asked first and, when it is empty although totalRecords says there are contracts, page 0.
import type { CallContext } from '../types.js';
import { readAllPages } from '../kit/paging.js';
import { ERP_NAME, readFailed, type VoalleConnection } from './client.js';
import { NOT_FOUND } from './customers.js';
import { parseContract, type VoalleContract } from './mappers/plan.js';

const PAGE_SIZE = 100;

async function page(conn: VoalleConnection, document: string, n: number, call: CallContext) {
  const envelope = await conn.client.postRead(
    'contract/getpaged',
    { txId: document, onlyActiveContracts: false, page: n, pageSize: PAGE_SIZE },
    call,
  );
  if (!envelope.ok) {
    if (envelope.messages.some((m) => NOT_FOUND.test(m))) return { rows: [] as unknown[], total: 0 };
    throw readFailed('contract/getpaged', envelope);
  }
  const r = (envelope.response ?? {}) as { data?: unknown; totalRecords?: unknown };
  const rows = Array.isArray(r.data)
    ? (r.data as unknown[])
    : Array.isArray(envelope.response)
      ? (envelope.response as unknown[])
      : [];
  return { rows, total: typeof r.totalRecords === 'number' ? r.totalRecords : undefined };
}

export async function contractsOf(
  conn: VoalleConnection,
  document: string,
  call: CallContext,
): Promise<VoalleContract[]> {
  const first = await page(conn, document, 1, call);
  const zeroBased = first.rows.length === 0 && (first.total ?? 0) > 0;
  const rest = first.rows.length < PAGE_SIZE && !zeroBased ? [] : null;
  const rows =
    rest !== null
      ? first.rows
      : await readAllPages((index) => page(conn, document, zeroBased ? index : index + 1, call), {
          pageSize: PAGE_SIZE,
          erpName: ERP_NAME,
          maxPages: 20,
        });
  return rows.map(parseContract).filter((c): c is VoalleContract => c !== null);
}
