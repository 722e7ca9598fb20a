// A faithful local SGP (TSMX), for tests, benchmarks and demos (`ponte sim sgp`).
//
// Routes (routes.ts; vendor material: erp-docs/sgp): the URA family (consultacliente, titulos,
// fatura2via, pagamento/pix, central/titulos (lowercase keys, relative links), liberacaopromessa, chamado, contato/add, anotacao/list, pops,
// portador, pontosrecebimentos, consultaplano, configuracoes), /api/banco/titulo/{id}/baixar/,
// pre-registration (/api/precadastro/F|J and its lists), CRM (/api/crm/cliente/...), notas fiscais
// (/api/central/notafiscal/list/, nfcom/list, nfse/list and their print endpoints), and the public links SGP prints: /boleto/{n}-{hash}/ (the PDF)
// and /spublic/notafiscal/{uuid} (the nota's PDF; unverified: SGP may serve an HTML page there).
//
// Protocol as SGP has it: `token` + `app` as body fields (form-urlencoded, multipart or JSON, all
// accepted) or as query parameters; a wrong pair is HTTP 403 `{"detail": ...}` (the DRF wording
// recorded on the Central; unverified for the URA family). Business errors are HTTP 200 with
// `status: 0` and `msg`. Trailing slashes are optional.
//
// Fault switches (faults.ts): per run (`faults` start option / `faults.set`) or per request (header
// `x-sim-fault` or query `sim_fault`): latency, timeout, http500/502/503/504, html200, error200,
// malformed, revoked. timeout, 500, 502, 504 and malformed process the request first (the baixa is
// recorded, the answer lost).
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { requestFaultText } from '../shared/faults.js';
import { readBytes, send, startListening } from '../shared/http.js';
import { renderBoletoPdf } from '../../src/render/boleto-pdf.js';
import { renderInvoicePdf } from '../../src/render/invoice-pdf.js';
import { scmInvoiceLines } from '../shared/pdf.js';
import { faultAnswer, Faults, parseFaultList, PROCESSED_BEFORE } from './faults.js';
import type { FaultKind, FaultRule } from './faults.js';
import { findRoute } from './routes.js';
import type { Reply } from './routes.js';
import { seedSgp } from './seed.js';
import type { SgpData, SgpSeedOptions } from './seed.js';
import { defaultSgpCredentials, SgpState } from './state.js';
import type { SgpCredentials } from './state.js';
import { correctedCents } from './views.js';

export interface SgpSimulatorOptions {
  port?: number;
  host?: string;
  /** Seed options, or data already built. */
  seed?: SgpSeedOptions | SgpData;
  /** Faults active from the start (`kind[=ms],...`, or rules). */
  faults?: string | FaultRule[];
  credentials?: Partial<SgpCredentials>;
}

export interface SgpSimulator {
  url: string;
  state: SgpState;
  faults: Faults;
  close(): Promise<void>;
}

/** multipart/form-data text fields (files are not needed by any route). */
function parseMultipart(raw: Buffer, boundary: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const part of raw.toString('utf8').split(`--${boundary}`)) {
    const match = /name="([^"]+)"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n$/.exec(part);
    if (match) fields[match[1]!] = match[2]!;
  }
  return fields;
}

/** The body's fields; null when it cannot be read. */
export function parseFields(raw: Buffer, type: string | undefined): Record<string, unknown> | null {
  if (raw.length === 0) return {};
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type ?? '');
  if (type?.includes('multipart/form-data') && boundary)
    return parseMultipart(raw, boundary[1] ?? boundary[2]!);
  const text = raw.toString('utf8');
  if (type?.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    // Form fields sent without a content type.
    return /^[\w%.-]+=/.test(text) ? Object.fromEntries(new URLSearchParams(text)) : null;
  }
}

async function boletoPdf(state: SgpState, hash: string, res: ServerResponse): Promise<void> {
  const { data } = state;
  const t = data.titles.find((x) => x.hash === hash);
  if (t === undefined) return send(res, 404, '<h1>Not Found</h1>', 'text/html; charset=utf-8');
  if (t.htmlOnly) {
    // unverified: some installs print the boleto as an HTML page at this link.
    return send(
      res,
      200,
      `<html><body><h1>Boleto ${t.numeroDocumento}</h1></body></html>`,
      'text/html; charset=utf-8',
    );
  }
  const customer = data.customers.find((c) => c.id === t.clienteId)!;
  const portador = data.portadores.find((p) => p.id === t.portadorId)!;
  const bytes = await renderBoletoPdf({
    bankCode: portador.banco,
    bankName: portador.descricao,
    beneficiary: { name: data.company.nome, document: data.company.cnpj },
    payer: { name: customer.nome, document: customer.cpfcnpj },
    agencyAccount: `${portador.agencia} / ${portador.conta}`,
    ourNumber: t.nossoNumero,
    documentNumber: String(t.numeroDocumento),
    issueDate: t.dataEmissao,
    dueDate: t.dataVencimento,
    amountCents: correctedCents(data, t),
    barcode: t.codigoBarras,
    ...(t.codigoPix === '' ? {} : { pixCode: t.codigoPix }),
  });
  send(res, 200, bytes, 'application/pdf');
}

async function invoicePdf(state: SgpState, uuid: string, res: ServerResponse): Promise<void> {
  const { data } = state;
  const n = data.invoices.find((x) => x.uuid === uuid);
  if (n === undefined) return send(res, 404, '<h1>Not Found</h1>', 'text/html; charset=utf-8');
  const k = data.contracts.find((x) => x.id === n.contratoId)!;
  const customer = data.customers.find((c) => c.id === k.clienteId)!;
  const bytes = await renderInvoicePdf({
    issuer: { name: data.company.nome, document: data.company.cnpj },
    customer: { name: customer.nome, document: customer.cpfcnpj },
    number: String(n.numero),
    series: n.serie,
    model: n.modelo,
    issueDate: n.dataEmissao,
    accessKey: '',
    authorized: n.cancelada === null,
    ...scmInvoiceLines(n.valorCents),
  });
  send(res, 200, bytes, 'application/pdf');
}

/** An NFCom (POST /api/central/nfcom/print/{numero}, token + app) or NFS-e (GET .../nfse/print/{id}) as a PDF. */
async function fiscalPdf(
  state: SgpState,
  kind: 'nfcom' | 'nfse',
  key: number,
  contrato: number,
  res: ServerResponse,
): Promise<void> {
  const { data } = state;
  const note =
    kind === 'nfcom'
      ? data.nfcoms.find((n) => n.numero === key && n.contratoId === contrato)
      : data.nfses.find((n) => n.id === key && n.contratoId === contrato);
  // unverified: the not-found answer and the PDF's headers (no example bytes are known).
  if (note === undefined)
    return send(res, 404, JSON.stringify({ detail: 'Não encontrado.' }), 'application/json');
  const k = data.contracts.find((x) => x.id === note.contratoId)!;
  const customer = data.customers.find((c) => c.id === k.clienteId)!;
  const nfcom = 'chave' in note ? note : null;
  const bytes = await renderInvoicePdf({
    issuer: { name: data.company.nome, document: data.company.cnpj },
    customer: { name: customer.nome, document: customer.cpfcnpj },
    number: String(nfcom?.numero ?? ('rps' in note ? note.rps : '')),
    series: note.serie,
    model: nfcom === null ? 'NFS-e' : '62',
    issueDate: (nfcom?.dataEmissao ?? ('data' in note ? note.data : '')).slice(0, 10),
    accessKey: nfcom?.chave ?? '',
    authorized: nfcom === null || nfcom.status === '1',
    ...scmInvoiceLines(note.valorCents),
  });
  send(res, 200, bytes, 'application/pdf');
}

function answer(res: ServerResponse, reply: Reply): void {
  if (reply.json !== undefined)
    return send(res, reply.status, JSON.stringify(reply.json), 'application/json');
  send(res, reply.status, reply.text ?? '', 'text/html; charset=utf-8');
}

async function handle(
  state: SgpState,
  faults: Faults,
  baseUrl: () => string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  state.count(`${method} ${path}`);
  const perRequest = parseFaultList(requestFaultText(req, url.searchParams));
  const chosen = faults.choose(path, perRequest);
  if (chosen.latencyMs > 0) await sleep(chosen.latencyMs);
  const fault = chosen.fault;

  if (path.startsWith('/boleto/') && method === 'GET') return boletoPdf(state, path.split('/')[2] ?? '', res);
  if (path.startsWith('/spublic/notafiscal/') && method === 'GET')
    return invoicePdf(state, path.split('/')[3] ?? '', res);

  const raw = await readBytes(req);
  const body = parseFields(raw, req.headers['content-type']);
  const faulty = (kind: FaultKind) => {
    const f = faultAnswer(kind)!;
    send(res, f.status, f.body, f.contentType);
  };
  if (fault !== null && !PROCESSED_BEFORE.has(fault)) return faulty(fault);

  const print = /^\/api\/central\/(nfcom|nfse)\/print\/(\d+)$/.exec(path);
  if (print !== null && body !== null && fault === null) {
    const fields: Record<string, unknown> = { ...Object.fromEntries(url.searchParams), ...body };
    const authorised = fields.token === state.credentials.token && fields.app === state.credentials.app;
    // unverified: the NFS-e print link SGP lists carries no token; it is served without one here.
    if (print[1] === 'nfcom' && !authorised) {
      return send(
        res,
        403,
        JSON.stringify({ detail: 'As credenciais de autenticação não foram fornecidas.' }),
        'application/json',
      );
    }
    return fiscalPdf(state, print[1] as 'nfcom' | 'nfse', Number(print[2]), Number(fields.contrato), res);
  }

  const run = (): Reply => {
    if (!path.startsWith('/api/'))
      return {
        status: 404,
        text: '<h1>Not Found</h1><p>The requested resource was not found on this server.</p>',
      };
    if (body === null)
      return {
        status: 400,
        json: { detail: 'JSON parse error - Expecting value: line 1 column 1 (char 0)' },
      };
    const fields: Record<string, unknown> = { ...Object.fromEntries(url.searchParams), ...body };
    if (state.revoked || fields.token !== state.credentials.token || fields.app !== state.credentials.app) {
      state.counters.unauthorized++;
      return { status: 403, json: { detail: 'As credenciais de autenticação não foram fornecidas.' } };
    }
    const found = findRoute(method, path);
    if (found === null)
      return {
        status: 404,
        text: '<h1>Not Found</h1><p>The requested resource was not found on this server.</p>',
      };
    if (method !== 'GET') state.counters.writes.push({ method, path, body: fields });
    return found.route({ state, fields, params: found.params, baseUrl: baseUrl() });
  };
  const reply = run();
  if (fault === 'timeout') return; // processed, never answered
  if (fault !== null) return faulty(fault);
  answer(res, reply);
}

/** Starts a simulated SGP on `host:port` (port 0 picks a free one). */
export async function startSgpSimulator(options: SgpSimulatorOptions = {}): Promise<SgpSimulator> {
  const data =
    options.seed !== undefined && 'customers' in options.seed && Array.isArray(options.seed.customers)
      ? (options.seed as SgpData)
      : seedSgp(options.seed as SgpSeedOptions | undefined);
  const state = new SgpState(data, { ...defaultSgpCredentials, ...options.credentials });
  const faults = new Faults();
  if (options.faults !== undefined)
    faults.set(typeof options.faults === 'string' ? parseFaultList(options.faults) : options.faults);
  let url = '';
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(state, faults, () => url, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(res, 500, `<h1>Server Error (500)</h1><!-- ${String(error)} -->`, 'text/html');
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const listening = await startListening(server, options, sockets);
  url = listening.url;
  return { url, state, faults, close: listening.close };
}

export { seedSgp } from './seed.js';
export type { SgpData, SgpFixtures, SgpSeedOptions } from './seed.js';
export { defaultSgpCredentials } from './state.js';
export type { SgpCredentials } from './state.js';
