// A faithful local IXC Provedor webservice, for tests, demos and benchmarks.
//
// Endpoints (base `/webservice/v1`, HTTP Basic auth with the user's token "id:hash"; Bearer -> 400,
// a wrong or missing token -> 401):
// Bodies may be JSON, form-encoded or multipart (bodies.ts), as IXC's own PHP client sends them.
//   POST or GET /{tabela} with `ixcsoft: listar`  listing: qtype/query/oper, grid_param (a JSON
//       string), page/rp, sortname/sortorder -> {page, total, registros} (strings; no registros when
//       empty). GET without the header -> 404.
//   POST /{tabela} without the header             insert -> {type, message, id}; required fields
//       checked; IXC-filled fields (protocolo, data_cadastro...) set.
//   PUT /{tabela}/{id}                             full-record update: a column missing from the body
//       is blanked, and a required column left blank refuses the update.
//   DELETE /{tabela}/{id}
//   POST get_boleto     {boletos, tipo_boleto arquivo|dados|mail|sms, base64 S|N, juro, multa}
//   POST get_pix        {id_areceber}
//   POST fn_areceber_recebimentos_baixas_novo   manual settlement of a bill
//   POST desbloqueio_confianca {id}              object answer (v1) or list answer (v2)
//   POST imprimir_nota  {id, base64}
//   anything else -> 200 {"type":"error","message":"Recurso X não está disponível!"}
// Tables: empresa, filial, contas, fn_carteira_cobranca, cliente_contrato_tipo, cliente_contrato_modelo,
// su_oss_assunto, su_ticket_setor, vendedor, vd_contratos, uf, cidade, cliente, cliente_contrato,
// fn_areceber, fn_areceber_baixas, su_ticket, su_oss_chamado, contato, vd_saida (see schema.ts).
//
// Fault switches (faults.ts): latency[=ms], timeout, drop, http500, http502, http503, http504, html200,
// error200, malformed, registros-object, total-number, revoked, ip-blocked, unavailable. Per run:
// `sim.faults.set({kind, resource?, method?, listing?, times?, ms?})`; per request: header
// `x-sim-fault: http504` or query `?sim_fault=http504` (comma-separated, `latency=300`).
// 5xx, timeout, drop and malformed are applied AFTER the request was processed (the write happened, the
// answer was lost); the others refuse it before anything changes.
// Answer variants (`sim.state.variants`, or header `x-sim-variant: unlock-v2 | base64-quoted |
// base64-data-uri`): desbloqueio_confianca object/list, get_boleto base64 raw/quoted/data URI;
// `ignoredOnUpdate` (state only): columns an update silently leaves unchanged, as real IXC does
// with fields it will not write.
// Where IXC's documents are silent the simulator answers as real installations answer public
// clients (docs/erp/ixc.md, section 7): settlements (conta_ a cash account, id_conta a planning
// account), qtype with or without the table prefix, HTTP 200 HTML errors, the empresa table,
// unlock codes 106/107/109/113, dd/mm/yyyy dates in updates.
//
// Counters (`sim.state.counters`): requests, listings, inserts/updates/deletes per table (requests
// received, accepted or not), actions per endpoint, baixas accepted, requests in flight and their
// high-water mark (what a concurrency cap must bound). `sim.state.log` lists requests.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { todayInBrazil } from '../../src/brasil/dates.js';
import {
  assignProtocol,
  completeInsert,
  getBoleto,
  getPix,
  ixcError,
  json,
  printInvoice,
  settle,
  trustUnlock,
} from './actions.js';
import type { Answer } from './actions.js';
import { requestFaultText } from '../shared/faults.js';
import { closeServer, listen, readText, send as sendBody } from '../shared/http.js';
import { parseBody } from './bodies.js';
import { Faults, faultAnswer, IXC_HTML_ERROR, parseFaultList, PROCESSED_BEFORE } from './faults.js';
import type { FaultRule } from './faults.js';
import { addRow, findRow, READ_ONLY, REQUIRED } from './schema.js';
import { bump, createState } from './state.js';
import type { IxcState, Variants } from './state.js';
import { ListingError, runListing } from './table-engine.js';

export interface IxcSimulatorOptions {
  port?: number;
  host?: string;
  /** The webservice token, "userId:hash"; default "1:ponte-simulator-token". */
  token?: string;
  /** Seeding: `false` for empty tables; default 40 filler customers, seed 1, anchored on today. */
  seed?: false | { customers?: number; seed?: number };
  /** The day the data is anchored on and the simulator's "today" (yyyy-mm-dd); default today in Brazil. */
  today?: string;
  faults?: FaultRule[];
  variants?: Partial<Variants>;
}

export interface IxcSimulator {
  /** `http://host:port`; the webservice is under `${url}/webservice/v1`. */
  url: string;
  baseUrl: string;
  token: string;
  state: IxcState;
  faults: Faults;
  close(): Promise<void>;
}

const ACTIONS: Record<string, (state: IxcState, body: Record<string, unknown>) => Answer | Promise<Answer>> =
  {
    get_boleto: getBoleto,
    get_pix: getPix,
    fn_areceber_recebimentos_baixas_novo: settle,
    desbloqueio_confianca: trustUnlock,
    imprimir_nota: printInvoice,
  };

const DEFAULT_TOKEN = '1:ponte-simulator-token';

function authorised(header: string | undefined, token: string): 'ok' | 'bearer' | 'denied' {
  if (header === undefined) return 'denied';
  const [scheme = '', value = ''] = header.split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') return 'bearer';
  if (scheme.toLowerCase() !== 'basic') return 'denied';
  return Buffer.from(value, 'base64').toString('utf8') === token ? 'ok' : 'denied';
}

function strings(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}

function insert(state: IxcState, table: string, body: Record<string, unknown>): Answer {
  bump(state.counters.inserts, table);
  const values = strings(body);
  delete values.id;
  for (const c of READ_ONLY[table] ?? []) delete values[c];
  const missing = (REQUIRED[table] ?? []).find((f) => (values[f] ?? '') === '');
  if (missing !== undefined) return ixcError(`O campo "${missing}" é obrigatório!`);
  const refusal = completeInsert(state, table, values);
  if (refusal !== null) return ixcError(refusal);
  const row = addRow(state.tables[table]!, values);
  assignProtocol(state, table, row);
  return json({ type: 'success', message: 'Registro inserido com sucesso!', id: row.id });
}

/**
 * A value as an update stores it: in a date column (one holding yyyy-mm-dd) a date sent dd/mm/yyyy
 * is stored yyyy-mm-dd and an empty one 0000-00-00, as IXC lists them; anything else as sent.
 */
function stored(value: string, previous: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(previous)) return value;
  const br = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (br) return `${br[3]}-${br[2]}-${br[1]}`;
  return value === '' ? '0000-00-00' : value;
}

/** IXC's update replaces the whole record: a column the body leaves out is blanked. */
function update(state: IxcState, table: string, id: string, body: Record<string, unknown>): Answer {
  bump(state.counters.updates, table);
  const t = state.tables[table]!;
  const row = findRow(t, id);
  if (row === undefined) return ixcError(`Registro ${id} não encontrado!`);
  const values = strings(body);
  const readOnly = new Set(['id', ...(READ_ONLY[table] ?? [])]);
  const next = { ...row };
  const ignored = new Set(state.variants.ignoredOnUpdate);
  for (const c of t.columns)
    if (!readOnly.has(c) && !ignored.has(c)) next[c] = stored(values[c] ?? '', row[c] ?? '');
  const missing = (REQUIRED[table] ?? []).find((f) => (next[f] ?? '') === '');
  if (missing !== undefined) return ixcError(`O campo "${missing}" é obrigatório!`);
  Object.assign(row, next);
  return json({ type: 'success', message: 'Registro atualizado com sucesso!', id });
}

function remove(state: IxcState, table: string, id: string): Answer {
  bump(state.counters.deletes, table);
  const t = state.tables[table]!;
  const index = t.rows.findIndex((r) => r.id === id);
  if (index < 0) return ixcError(`Registro ${id} não encontrado!`);
  t.rows.splice(index, 1);
  return json({ type: 'success', message: 'Registro excluído com sucesso!' });
}

function listing(
  state: IxcState,
  table: string,
  body: Record<string, unknown>,
  shape: FaultRule | null,
): Answer {
  state.counters.listings++;
  try {
    const answer: Record<string, unknown> = { ...runListing(state.tables[table]!, body) };
    if (shape?.kind === 'total-number') answer.total = Number(answer.total);
    if (shape?.kind === 'registros-object' && Array.isArray(answer.registros)) {
      answer.registros = Object.fromEntries(answer.registros.map((r: unknown, i) => [String(i), r]));
    }
    return json(answer);
  } catch (error) {
    if (!(error instanceof ListingError)) throw error;
    return {
      status: error.status,
      contentType: 'text/html; charset=UTF-8',
      body: IXC_HTML_ERROR,
    };
  }
}

interface Parsed {
  method: string;
  resource: string;
  id: string;
  listing: boolean;
  body: Record<string, unknown>;
}

async function dispatch(state: IxcState, p: Parsed, shape: FaultRule | null): Promise<Answer> {
  const isTable = Object.hasOwn(state.tables, p.resource);
  const action = Object.hasOwn(ACTIONS, p.resource) ? ACTIONS[p.resource] : undefined;
  if (p.method === 'GET' && !p.listing) {
    return { status: 404, contentType: 'text/html', body: '<h1>404 Not Found</h1>' };
  }
  if (action !== undefined && (p.method === 'POST' || p.method === 'GET')) {
    bump(state.counters.actions, p.resource);
    return action(state, p.body);
  }
  if (!isTable) return ixcError(`Recurso ${p.resource} não está disponível!`);
  if (p.listing && (p.method === 'POST' || p.method === 'GET'))
    return listing(state, p.resource, p.body, shape);
  if (p.method === 'POST') return insert(state, p.resource, p.body);
  if (p.id === '') return ixcError('Informe o ID do registro na URL!');
  if (p.method === 'PUT') return update(state, p.resource, p.id, p.body);
  if (p.method === 'DELETE') return remove(state, p.resource, p.id);
  return { status: 405, contentType: 'text/html', body: '<h1>405 Method Not Allowed</h1>' };
}

function variantsFrom(header: string | undefined, base: Variants): Variants {
  const v = { ...base };
  for (const part of (header ?? '').split(',').map((s) => s.trim())) {
    if (part === 'unlock-v1') v.trustUnlock = 'v1';
    if (part === 'unlock-v2') v.trustUnlock = 'v2';
    if (part === 'base64-raw') v.boletoBase64 = 'raw';
    if (part === 'base64-quoted') v.boletoBase64 = 'quoted';
    if (part === 'base64-data-uri') v.boletoBase64 = 'data-uri';
  }
  return v;
}

function send(res: ServerResponse, a: { status: number; contentType: string; body: string | Buffer }): void {
  sendBody(res, a.status, a.body, a.contentType);
}

/** The tenant settings that point Ponte at a simulator: its URL, token and the ids its seed has. */
export function ixcTenantSettings(baseUrl: string, token: string) {
  return {
    base_url: baseUrl,
    token,
    branch_id: '1',
    cash_account_id: '3',
    billing_wallet_id: '1',
    contract_model_id: '1',
    document_type_id: '501',
    seller_id: '1',
    ticket_subject_id: '1',
    ticket_department_id: '1',
    due_day_contract_types: { '5': '10', '10': '11', '15': '12', '20': '13' },
  };
}

export async function startIxcSimulator(options: IxcSimulatorOptions = {}): Promise<IxcSimulator> {
  const today = options.today ?? todayInBrazil();
  const token = options.token ?? DEFAULT_TOKEN;
  const state = createState(options.seed === false ? null : { today, ...(options.seed ?? {}) }, today);
  Object.assign(state.variants, options.variants ?? {});
  const faults = new Faults();
  if (options.faults) faults.set(options.faults);
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readText(req);
    const match = /^\/webservice\/v1\/([A-Za-z0-9_]+)(?:\/([^/]*))?\/?$/.exec(url.pathname);
    state.counters.requests++;
    const counters = state.counters;
    counters.maxInFlight = Math.max(counters.maxInFlight, ++counters.inFlight);
    res.once('close', () => counters.inFlight--);
    if (!match) return send(res, { status: 404, contentType: 'text/html', body: '<h1>404 Not Found</h1>' });
    const parsed: Parsed = {
      method,
      resource: match[1]!,
      id: match[2] ?? '',
      listing: String(req.headers.ixcsoft ?? '').toLowerCase() === 'listar',
      body: {},
    };
    const perRequest = parseFaultList(requestFaultText(req, url.searchParams));
    const chosen = faults.choose(parsed, perRequest);
    const fault = chosen.fault;
    state.log.push({
      method,
      resource: parsed.resource,
      id: parsed.id,
      listing: parsed.listing,
      fault: fault?.kind ?? '',
    });
    if (chosen.latencyMs > 0) await new Promise((r) => setTimeout(r, chosen.latencyMs));

    const auth = authorised(req.headers.authorization, token);
    if (auth === 'bearer')
      return send(res, { status: 400, contentType: 'text/html', body: '<h1>400 Bad Request</h1>' });
    if (auth === 'denied')
      return send(res, { status: 401, contentType: 'text/html', body: '<h1>401 Unauthorized</h1>' });

    const early =
      fault !== null && !PROCESSED_BEFORE.has(fault.kind) ? faultAnswer(fault.kind, parsed.resource) : null;
    if (early !== null) return send(res, early);

    const body = parseBody(raw, String(req.headers['content-type'] ?? ''));
    if (body === null) return send(res, faultAnswer('html200', parsed.resource)!);
    parsed.body = body;
    const scoped = {
      ...state,
      variants: variantsFrom(req.headers['x-sim-variant'] as string | undefined, state.variants),
    };
    const answer = await dispatch(scoped, parsed, fault);
    if (fault?.kind === 'drop') {
      res.socket?.destroy();
      return;
    }
    if (fault?.kind === 'timeout') {
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    const late = fault !== null ? faultAnswer(fault.kind, parsed.resource) : null;
    send(res, late ?? answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, contentType: 'text/plain', body: String(error) });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    baseUrl: `${url}/webservice/v1`,
    token,
    state,
    faults,
    close: () => closeServer(server, [...held, ...sockets]),
  };
}
