// Markers make Ponte's writes idempotent: Ponte writes `[ponte:<key>]` into the record's text and,
// before inserting, looks for a record carrying it. A retry after an answer was lost (timeout, 504
// after IXC did the work) then finds the first record instead of creating a second one. Each
// insert itself is sent once.
import { PonteError } from '../../contract/index.js';
import { rejected, upstreamExcerpt } from '../kit/http.js';
import type { CallContext } from '../types.js';
import type { IxcRow, WriteResult } from './client.js';
import type { IxcConnection } from './connection.js';

/** The marker Ponte writes into a record so a retry after a lost answer finds it instead of writing again. */
export function marker(key: string): string {
  return `[ponte:${key}]`;
}

/** The first record of `table` whose `column` carries the marker of `key`, among those matching `scope`. */
export async function marked(
  conn: IxcConnection,
  table: string,
  scope: { column: string; value: string },
  column: string,
  key: string,
  call: CallContext,
): Promise<IxcRow | undefined> {
  const rows = await conn.client.list(table, [scope, { column, op: 'L', value: marker(key) }], call, {
    limit: 1,
  });
  return rows[0];
}

/** The insert's id, or ERP_REJECTED with IXC's message. */
export function acceptedId(result: WriteResult, what: string): string {
  if (!result.ok) throw rejected('IXC', result.message || `${what} not accepted`, result.status, result.raw);
  if (!/^\d+$/.test(result.id)) {
    throw new PonteError('ERP_BAD_RESPONSE', `IXC accepted the ${what} without giving its id`, {
      upstream: upstreamExcerpt(result.status, result.raw),
    });
  }
  return result.id;
}
