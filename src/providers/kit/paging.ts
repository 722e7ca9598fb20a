// Reading every page of an ERP listing, once for every provider: page by page (or offset by
// offset) until the ERP says there is no more, with a bound so that an ERP that repeats its last
// page forever cannot hold a call.
import { PonteError } from '../../contract/index.js';

export interface Page<T> {
  rows: T[];
  /** The total the ERP reports, when it reports one. */
  total?: number;
}

export interface PagingOptions {
  /** Rows asked per page. */
  pageSize: number;
  /** Pages read at most (default 100): more is an ERP that does not page as it says. */
  maxPages?: number;
  /** The ERP's name, for the error. */
  erpName: string;
}

/**
 * All rows of a listing. `fetchPage(index, offset)` gets page `index` (0-based) starting at row
 * `offset`; reading stops at a short page, at the reported total, or at an empty page.
 */
export async function readAllPages<T>(
  fetchPage: (index: number, offset: number) => Promise<Page<T>>,
  options: PagingOptions,
): Promise<T[]> {
  const rows: T[] = [];
  const maxPages = options.maxPages ?? 100;
  for (let index = 0; index < maxPages; index++) {
    const page = await fetchPage(index, rows.length);
    rows.push(...page.rows);
    if (page.rows.length === 0 || page.rows.length < options.pageSize) return rows;
    if (page.total !== undefined && rows.length >= page.total) return rows;
  }
  throw new PonteError(
    'ERP_BAD_RESPONSE',
    `${options.erpName} kept answering full pages after ${maxPages} pages of ${options.pageSize}`,
  );
}
