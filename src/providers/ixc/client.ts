// IXC's webservice protocol over ErpHttpClient.
// - Every request is a POST with a JSON body and HTTP Basic auth of the "id:hash" token.
// - Listings ALWAYS carry `ixcsoft: listar` (without it a POST inserts a record) and writes never
//   do. Listings page with page/rp until `total` rows are read; writes are sent once.
// - IXC answers errors with HTTP 200: `type: error` JSON (also the old `tipo: erro`), an HTML page,
//   or a body that is not JSON. All are detected here; `registros` given as an object keyed by
//   index (or missing) and `total` given as a number are normalised.
// - Configuration problems answer ERP_UNAVAILABLE naming what to fix: a refused token (401/403,
//   setting `token`), Ponte's IP not in the user group's "Redes Permitidas", a resource not released
//   for the token ("Recurso X não está disponível"), a wrong base URL (404). They are 503 and not 422
//   on purpose: nothing is wrong with the request, the call can succeed once the ISP fixes its side,
//   and a 5xx leaves the idempotency key free for that retry (a 4xx would be replayed forever).
import { PonteError } from '../../contract/index.js';
import { badResponse, ErpHttpClient, upstreamExcerpt } from '../kit/http.js';
import type { ErpResponse } from '../kit/http.js';
import type { CallContext } from '../types.js';

export type IxcRow = Record<string, string>;

export type Operator = '=' | '!=' | '>' | '<' | '>=' | '<=' | 'L' | 'NL' | 'IN' | 'NI' | 'BE' | 'NBE';

export interface Filter {
  /** The column, without the table prefix (the client adds it). */
  column: string;
  op?: Operator;
  value: string;
  value2?: string;
}

export interface ListOptions {
  sort?: string;
  order?: 'asc' | 'desc';
  /** Stop once this many rows are read. */
  limit?: number;
}

/** The outcome of an insert, update or settlement: IXC accepted it, or refused it as data. */
export interface WriteResult {
  ok: boolean;
  id: string;
  message: string;
  /** IXC's answer as text (for api_response). */
  raw: string;
  status: number;
}

const ERP = 'IXC';
/** A listing never reads more than this many pages (a guard against a `total` that lies). */
const MAX_PAGES = 1000;

/** A JSON scalar as text ('' for objects, arrays and null): IXC sends ids as strings or numbers. */
export function scalar(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';
}

/** IXC messages carry HTML (`<br />`) and entities; this is their plain text. */
export function plainText(message: string): string {
  return message
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

function unavailable(message: string, status: number, body: string): PonteError {
  return new PonteError('ERP_UNAVAILABLE', message, { upstream: upstreamExcerpt(status, body) });
}

/** The error message of an IXC answer (`type: error` / `tipo: erro`, also inside a one-item list). */
export function errorMessage(value: unknown): string | null {
  const item: unknown = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (item === null || typeof item !== 'object') return null;
  const o = item as Record<string, unknown>;
  const kind = typeof o.type === 'string' ? o.type : typeof o.tipo === 'string' ? o.tipo : '';
  if (!/^(error|erro)$/i.test(kind)) return null;
  const message = o.message ?? o.mensagem;
  return typeof message === 'string' ? plainText(message) : 'erro sem mensagem';
}

/** Errors that are about the tenant's configuration, whatever was asked. */
function configurationProblem(message: string, status: number, body: string): PonteError | null {
  if (/IP\s+n[ãa]o\s+est[áa]\s+liberado/i.test(message)) {
    return unavailable(
      "IXC does not accept Ponte's IP address: add it to the allowed networks (Redes Permitidas) of the IXC user's group",
      status,
      body,
    );
  }
  const resource = /Recurso\s+(\S+)\s+n[ãa]o\s+est[áa]\s+dispon[íi]vel/i.exec(message);
  if (resource) {
    return unavailable(
      `IXC has not released the resource ${resource[1]} for this token: give the IXC user permission to it (some resources are released by IXC support)`,
      status,
      body,
    );
  }
  return null;
}

/** Classifies the HTTP status before the body is read. */
function checkStatus(res: ErpResponse, resource: string): void {
  const text = res.text();
  if (res.status === 401 || res.status === 403) {
    throw unavailable(
      `IXC refused the credentials (HTTP ${res.status}): check the tenant setting token (IXC user → webservice token; a server migration invalidates it)`,
      res.status,
      text,
    );
  }
  if (res.status === 404) {
    throw unavailable(
      `IXC answered 404 for ${resource}: check the tenant setting base_url (https://<host>/webservice/v1)`,
      res.status,
      text,
    );
  }
  if (res.status < 200 || res.status >= 300) throw badResponse(ERP, `HTTP ${res.status}`, res.status, text);
}

/** The JSON of an answer; HTML pages and broken JSON are ERP_BAD_RESPONSE (or a configuration problem). */
export function parseAnswer(res: ErpResponse, resource: string): unknown {
  checkStatus(res, resource);
  const text = res.text();
  const trimmed = text.trim();
  if (trimmed.startsWith('<')) {
    throw (
      configurationProblem(plainText(trimmed), res.status, text) ??
      badResponse(ERP, 'an HTML error page', res.status, text)
    );
  }
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    throw badResponse(ERP, trimmed === '' ? 'an empty body' : 'a body that is not JSON', res.status, text);
  }
}

/** Every value of a row as a string, as IXC means them (numbers and nulls appear in some answers). */
function stringRow(value: unknown): IxcRow {
  const row: IxcRow = {};
  if (value === null || typeof value !== 'object') return row;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    row[k] = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
  }
  return row;
}

/** `registros` as an array, whether IXC sent an array, an object keyed by index, or nothing. */
export function normaliseRows(registros: unknown): IxcRow[] | null {
  if (registros === undefined || registros === null) return [];
  if (Array.isArray(registros)) return registros.map(stringRow);
  if (typeof registros === 'object') {
    return Object.entries(registros as Record<string, unknown>)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, v]) => stringRow(v));
  }
  return null;
}

export interface IxcClientOptions {
  baseUrl: string;
  token: string;
  pageSize: number;
}

export class IxcClient {
  private readonly http: ErpHttpClient;
  private readonly auth: string;
  private readonly pageSize: number;

  constructor(options: IxcClientOptions) {
    this.http = new ErpHttpClient({ baseUrl: options.baseUrl, erpName: ERP });
    this.auth = `Basic ${Buffer.from(options.token).toString('base64')}`;
    this.pageSize = options.pageSize;
  }

  private send(
    resource: string,
    body: unknown,
    call: CallContext,
    opts: { listing: boolean; read: boolean; method?: 'POST' | 'PUT' },
  ) {
    return this.http.request(
      {
        method: opts.method ?? 'POST',
        path: `/${resource}`,
        headers: {
          authorization: this.auth,
          'content-type': 'application/json',
          ...(opts.listing ? { ixcsoft: 'listar' } : {}),
        },
        body: JSON.stringify(body),
        read: opts.read,
      },
      call,
    );
  }

  /** Every row of `table` matching all `filters` (ANDed), reading page after page. */
  async list(
    table: string,
    filters: Filter[],
    call: CallContext,
    options: ListOptions = {},
  ): Promise<IxcRow[]> {
    const [first, ...rest] = filters;
    const base: Record<string, string> = first
      ? { qtype: `${table}.${first.column}`, query: first.value, oper: first.op ?? '=' }
      : { qtype: `${table}.id`, query: '1', oper: '>=' };
    if (rest.length > 0) {
      base.grid_param = JSON.stringify(
        rest.map((f) => ({
          TB: `${table}.${f.column}`,
          OP: f.op ?? '=',
          P: f.value,
          ...(f.value2 === undefined ? {} : { P2: f.value2 }),
        })),
      );
    }
    base.sortname = `${table}.${options.sort ?? 'id'}`;
    base.sortorder = options.order ?? 'asc';
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const rp = Math.min(this.pageSize, limit);
    const rows: IxcRow[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const res = await this.send(table, { ...base, page: String(page), rp: String(rp) }, call, {
        listing: true,
        read: true,
      });
      const answer = parseAnswer(res, table);
      const text = res.text();
      const message = errorMessage(answer);
      if (message !== null) {
        throw (
          configurationProblem(message, res.status, text) ??
          badResponse(ERP, `an error to a listing of ${table}: ${message}`, res.status, text)
        );
      }
      if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) {
        throw badResponse(ERP, `a listing of ${table} without page/total/registros`, res.status, text);
      }
      const o = answer as Record<string, unknown>;
      const pageRows = normaliseRows(o.registros);
      if (pageRows === null)
        throw badResponse(ERP, `registros of ${table} that are not rows`, res.status, text);
      rows.push(...pageRows);
      const total = Number(o.total);
      if (pageRows.length < rp || rows.length >= limit || (Number.isFinite(total) && rows.length >= total))
        break;
    }
    return rows.slice(0, limit);
  }

  /** The row with this id, or undefined. */
  async byId(table: string, id: string, call: CallContext): Promise<IxcRow | undefined> {
    if (!/^[1-9]\d{0,14}$/.test(id)) return undefined;
    const rows = await this.list(table, [{ column: 'id', value: id }], call, { limit: 1 });
    return rows.find((r) => r.id === id);
  }

  /** Interprets the answer to a write: accepted, refused as data, or an error to throw. */
  private written(res: ErpResponse, resource: string): WriteResult {
    const answer = parseAnswer(res, resource);
    const raw = res.text();
    const message = errorMessage(answer);
    if (message !== null) {
      const problem = configurationProblem(message, res.status, raw);
      if (problem) throw problem;
      return { ok: false, id: '', message, raw, status: res.status };
    }
    const o = (Array.isArray(answer) && answer.length === 1 ? answer[0] : answer) as Record<
      string,
      unknown
    > | null;
    const kind = o && typeof o === 'object' ? scalar(o.type ?? o.tipo) : '';
    if (!/^(success|sucesso)$/i.test(kind))
      throw badResponse(ERP, `an answer to ${resource} that is neither success nor error`, res.status, raw);
    const text = o!.message ?? o!.mensagem;
    return {
      ok: true,
      id: scalar(o!.id),
      message: typeof text === 'string' ? plainText(text) : '',
      raw,
      status: res.status,
    };
  }

  /** POST without `ixcsoft: listar`: inserts one record. Sent once, never retried. */
  async insert(table: string, record: Record<string, string>, call: CallContext): Promise<WriteResult> {
    return this.written(await this.send(table, record, call, { listing: false, read: false }), table);
  }

  /** PUT of the WHOLE record (IXC blanks what an update leaves out). Sent once. */
  async update(
    table: string,
    id: string,
    record: Record<string, string>,
    call: CallContext,
  ): Promise<WriteResult> {
    return this.written(
      await this.send(`${table}/${id}`, record, call, { listing: false, read: false, method: 'PUT' }),
      table,
    );
  }

  /** A write-like action endpoint (settlement...): its answer as a WriteResult. Sent once. */
  async writeAction(name: string, body: Record<string, string>, call: CallContext): Promise<WriteResult> {
    return this.written(await this.send(name, body, call, { listing: false, read: false }), name);
  }

  /**
   * An action whose answer has no common shape (desbloqueio_confianca): its parsed JSON, or its
   * text when it is not JSON. `read` says whether it may be retried.
   */
  async action(
    name: string,
    body: Record<string, string>,
    call: CallContext,
    read: boolean,
  ): Promise<{ value: unknown; raw: string; status: number }> {
    const res = await this.send(name, body, call, { listing: false, read });
    checkStatus(res, name);
    const raw = res.text();
    const trimmed = raw.trim();
    try {
      return { value: JSON.parse(trimmed) as unknown, raw, status: res.status };
    } catch {
      const problem = configurationProblem(plainText(trimmed), res.status, raw);
      if (problem) throw problem;
      return { value: plainText(trimmed), raw, status: res.status };
    }
  }

  /** A read-only action answered with JSON (get_pix): its value, or the ERP's error message. */
  async readJson(
    name: string,
    body: Record<string, string>,
    call: CallContext,
  ): Promise<{ value: unknown } | { error: string }> {
    const res = await this.send(name, body, call, { listing: false, read: true });
    const value = parseAnswer(res, name);
    const message = errorMessage(value);
    if (message === null) return { value };
    const problem = configurationProblem(message, res.status, res.text());
    if (problem) throw problem;
    return { error: message };
  }

  /**
   * A PDF from get_boleto / imprimir_nota: binary, raw base64, base64 in JSON quotes or behind a
   * data: prefix. A JSON error is returned as `{error}`; anything else is ERP_BAD_RESPONSE.
   */
  async pdf(
    name: string,
    body: Record<string, string>,
    call: CallContext,
  ): Promise<{ pdf: Buffer } | { error: string }> {
    const res = await this.send(name, body, call, { listing: false, read: true });
    checkStatus(res, name);
    if (res.body.subarray(0, 5).toString('latin1') === '%PDF-') return { pdf: res.body };
    const text = res.text().trim();
    if (text.startsWith('{') || text.startsWith('[')) {
      const value = parseAnswer(res, name);
      const message = errorMessage(value);
      if (message !== null) {
        const problem = configurationProblem(message, res.status, res.text());
        if (problem) throw problem;
        return { error: message };
      }
    }
    const b64 = text
      .replace(/^"|"$/g, '')
      .replace(/^data:application\/pdf;base64,/i, '')
      .replace(/\\\//g, '/')
      .replace(/\s+/g, '');
    if (/^[A-Za-z0-9+/]+=*$/.test(b64)) {
      const bytes = Buffer.from(b64, 'base64');
      if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { pdf: bytes };
    }
    if (text.startsWith('<')) {
      throw (
        configurationProblem(plainText(text), res.status, res.text()) ??
        badResponse(ERP, 'an HTML error page', res.status, res.text())
      );
    }
    throw badResponse(ERP, `${name} content that is not a PDF`, res.status, res.text().slice(0, 200));
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
