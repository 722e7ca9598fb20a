// IXC's listing protocol over in-memory tables: the body of a `ixcsoft: listar` request
// (qtype/query/oper, grid_param as a JSON-encoded string, page/rp, sortname/sortorder) applied to
// rows whose every value is a string, answered as {page, total, registros}.
//
// Semantics chosen where IXC's documentation is loose:
// - Comparisons are numeric when both sides are numbers, by date when both are dates (a filter in
//   dd/mm/yyyy is compared with a stored yyyy-mm-dd), otherwise case-insensitive text: a masked
//   CPF never equals its digits, exactly the trap of the real ERP.
// - `query` empty (or absent) drops the qtype condition; grid_param alone then filters.
// - A column may be named with or without its table prefix (`cliente.cnpj_cpf` or `cnpj_cpf`:
//   public clients in production send both). An unknown column, another table's prefix or an
//   unknown operator: HTTP 200 with IXC's HTML "Ocorreu um erro ao processar" div, which names no
//   detail (the detail stays in ListingError.message, for the simulator's own log).
// - `grid_param` that is not a string (an array sent as JSON) is ignored, as if absent: a client
//   that forgets to encode it silently gets unfiltered rows.
// - The vendor examples use P2 with `=`/`L` to mean "either value" and with `!=` to mean "neither";
//   both are honoured.
// - An empty result has no `registros` key at all.

export type Row = Record<string, string>;

export interface Table {
  name: string;
  columns: readonly string[];
  rows: Row[];
  nextId: number;
}

export const OPERATORS = ['=', '!=', '>', '<', '>=', '<=', 'L', 'NL', 'IN', 'NI', 'BE', 'NBE'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Condition {
  column: string;
  op: Operator;
  p: string;
  p2?: string;
}

export interface Listing {
  conditions: Condition[];
  page: number;
  rp: number;
  sortColumn: string;
  descending: boolean;
}

export interface ListingAnswer {
  page: string;
  total: string;
  registros?: Row[];
}

/** A listing IXC cannot run: answered with `status` (200, as IXC does) and its HTML error div. */
export class ListingError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_RP = 20;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$/;
const BR_DATE = /^(\d{2})\/(\d{2})\/(\d{4})(?:\s+(\d{2}:\d{2}(?::\d{2})?))?$/;

/** A date or date-time in either notation as `yyyy-mm-dd[ hh:mm[:ss]]`, or null. */
function asIsoDate(value: string): string | null {
  const iso = ISO_DATE.exec(value);
  if (iso) return iso[4] ? `${iso[1]}-${iso[2]}-${iso[3]} ${iso[4]}` : `${iso[1]}-${iso[2]}-${iso[3]}`;
  const br = BR_DATE.exec(value);
  if (br) return br[4] ? `${br[3]}-${br[2]}-${br[1]} ${br[4]}` : `${br[3]}-${br[2]}-${br[1]}`;
  return null;
}

/** Orders two cell values the way the ERP's database would for this filter. */
export function compareValues(a: string, b: string): number {
  if (NUMBER.test(a) && NUMBER.test(b)) return Math.sign(Number(a) - Number(b));
  const da = asIsoDate(a);
  const db = asIsoDate(b);
  if (da !== null && db !== null) {
    // A date filter against a date-time column compares the date part only.
    const left = db.length === 10 ? da.slice(0, 10) : da;
    const right = da.length === 10 ? db.slice(0, 10) : db;
    return left < right ? -1 : left > right ? 1 : 0;
  }
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : 0;
}

const equal = (a: string, b: string) => compareValues(a, b) === 0;
const contains = (a: string, b: string) => a.toLowerCase().includes(b.toLowerCase());
const listOf = (p: string) =>
  p
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

export function matches(value: string, c: Condition): boolean {
  switch (c.op) {
    case '=':
      return equal(value, c.p) || (c.p2 !== undefined && equal(value, c.p2));
    case '!=':
      return !equal(value, c.p) && (c.p2 === undefined || !equal(value, c.p2));
    case '>':
      return compareValues(value, c.p) > 0;
    case '<':
      return compareValues(value, c.p) < 0;
    case '>=':
      return compareValues(value, c.p) >= 0;
    case '<=':
      return compareValues(value, c.p) <= 0;
    case 'L':
      return contains(value, c.p) || (c.p2 !== undefined && c.p2 !== '' && contains(value, c.p2));
    case 'NL':
      return !contains(value, c.p);
    case 'IN':
      return listOf(c.p).some((v) => equal(value, v));
    case 'NI':
      return !listOf(c.p).some((v) => equal(value, v));
    case 'BE':
      return compareValues(value, c.p) >= 0 && compareValues(value, c.p2 ?? '') <= 0;
    case 'NBE':
      return compareValues(value, c.p) < 0 || compareValues(value, c.p2 ?? '') > 0;
  }
}

const PROCESSING_ERROR = 'Ocorreu um erro ao processar';

function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** `tabela.campo` of this table, or a ListingError like IXC's. */
function column(table: Table, qualified: string | undefined, what: string): string {
  if (qualified === undefined) throw new ListingError(200, `${PROCESSING_ERROR}: ${what} ausente`);
  const dot = qualified.indexOf('.');
  const prefix = dot < 0 ? table.name : qualified.slice(0, dot);
  const name = dot < 0 ? qualified : qualified.slice(dot + 1);
  if (prefix !== table.name || !table.columns.includes(name)) {
    throw new ListingError(200, `${PROCESSING_ERROR}: campo ${qualified} inválido`);
  }
  return name;
}

function operator(value: string | undefined): Operator {
  const op = (value ?? '=').trim().toUpperCase();
  if ((OPERATORS as readonly string[]).includes(op)) return op as Operator;
  throw new ListingError(200, `${PROCESSING_ERROR}: operador ${value ?? ''} inválido`);
}

function positive(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

function gridConditions(table: Table, raw: unknown): Condition[] {
  if (typeof raw !== 'string' || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ListingError(200, `${PROCESSING_ERROR}: grid_param inválido`);
  }
  if (!Array.isArray(parsed)) throw new ListingError(200, `${PROCESSING_ERROR}: grid_param inválido`);
  return parsed.map((item: unknown) => {
    const g = (item ?? {}) as Record<string, unknown>;
    const p2 = str(g.P2);
    return {
      column: column(table, str(g.TB), 'TB'),
      op: operator(str(g.OP)),
      p: str(g.P) ?? '',
      ...(p2 === undefined ? {} : { p2 }),
    };
  });
}

/** Reads a listing body against `table`; throws ListingError where IXC would fail. */
export function parseListing(table: Table, body: Record<string, unknown>): Listing {
  const conditions: Condition[] = [];
  const query = str(body.query);
  if (query !== undefined && query !== '') {
    conditions.push({
      column: column(table, str(body.qtype), 'qtype'),
      op: operator(str(body.oper)),
      p: query,
    });
  }
  conditions.push(...gridConditions(table, body.grid_param));
  const sortname = str(body.sortname);
  const sortorder = (str(body.sortorder) ?? 'asc').toLowerCase();
  return {
    conditions,
    page: positive(str(body.page), 1),
    rp: positive(str(body.rp), DEFAULT_RP),
    sortColumn: sortname === undefined || sortname === '' ? 'id' : column(table, sortname, 'sortname'),
    descending: sortorder === 'desc',
  };
}

/** The rows a listing selects, sorted (ties by id), before paging. */
export function select(table: Table, listing: Listing): Row[] {
  const rows = table.rows.filter((row) => listing.conditions.every((c) => matches(row[c.column] ?? '', c)));
  const sign = listing.descending ? -1 : 1;
  return rows.sort(
    (a, b) =>
      sign * compareValues(a[listing.sortColumn] ?? '', b[listing.sortColumn] ?? '') ||
      compareValues(a.id ?? '', b.id ?? ''),
  );
}

/** Runs a listing: the page asked for, with the total of matching rows, every value a string. */
export function runListing(table: Table, body: Record<string, unknown>): ListingAnswer {
  const listing = parseListing(table, body);
  const rows = select(table, listing);
  const start = (listing.page - 1) * listing.rp;
  const registros = rows.slice(start, start + listing.rp).map((row) => ({ ...row }));
  const answer: ListingAnswer = { page: String(listing.page), total: String(rows.length) };
  if (registros.length > 0) answer.registros = registros;
  return answer;
}
