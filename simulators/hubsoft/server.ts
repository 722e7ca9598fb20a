// A faithful local Hubsoft, for tests, benchmarks and demos (`ponte sim hubsoft`).
//
// Routes (official docs: erp-docs/hubsoft), JSON in and out:
//   POST /oauth/token                                  OAuth2 password grant -> access_token, expires_in
//   GET  /api/v1/integracao/cliente                    busca + termo_busca + limit (max 100), cancelado,
//                                                      inativo, servico_status
//   GET  /api/v1/integracao/cliente/financeiro         busca + termo_busca + limit (max 50), apenas_pendente;
//                                                      money as numbers, DD/MM/YYYY, "status":"suscess"
//   GET  /api/v1/integracao/cliente/nota_fiscal        busca=id_cliente, data_inicio..data_fim (max 60 days)
//   POST /api/v1/integracao/cliente/desbloqueio_confianca   id_cliente_servico, dias_desbloqueio
//   GET  /api/v1/integracao/financeiro/fatura          pagina + itens_por_pagina (max 500) -> paginacao;
//                                                      money as strings, YYYY-MM-DD
//   POST /api/v1/integracao/financeiro/fatura/liquidar id_fatura, id_caixa_financeiro, data_pagamento, valor_pago
//   POST /api/v1/integracao/atendimento                id_cliente_servico, descricao, nome, telefone, ...
//   GET  /api/v1/integracao/prospecto/create?cep=      services sold at that CEP
//   GET  /api/v1/integracao/prospecto/all
//   POST /api/v1/integracao/prospecto                  (duplicate CPF/CNPJ refused)
//   GET  /api/v1/integracao/crm/all
//   GET  /api/v1/integracao/configuracao/{caixa_financeiro, meio_pagamento, tipo_atendimento, vencimento,
//        vendedor, origem_cliente, motivo_contratacao, servico, empresa}
//   GET  /pdf/fatura/<hash>, /pdf/nota/<hash>          public PDF links printed in faturas and notas
//
// Auth: every /api route needs `Authorization: Bearer <token>`; no token, an unknown, expired or
// revoked one answers 401 {"message":"Unauthenticated."}. Wrong client -> 401 invalid_client; wrong
// username/password -> 401 invalid_credentials (the docs' body). `state.revokeAllTokens()` and
// `state.expireAllTokens()` do what an administrator or an update does to a real Hubsoft.
//
// Fault switches (faults.ts), per run with `faults.set({...})` or per request with the header
// `x-sim-fault`: latency, timeout, status=5xx (HTML page), html (200 with an HTML error page),
// error-envelope (200 with status "error"), malformed (200 with truncated JSON), revoked.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { todayInBrazil } from '../../src/brasil/dates.js';
import { renderBoletoPdf } from '../../src/render/boleto-pdf.js';
import { renderInvoicePdf } from '../../src/render/invoice-pdf.js';
import { scmInvoiceLines } from '../shared/pdf.js';
import { readText, send, startListening } from '../shared/http.js';
import { FaultSwitch, FRAMEWORK_ERROR_PAGE, NGINX_PAGE } from './faults.js';
import type { FaultSpec } from './faults.js';
import { routes } from './routes/index.js';
import { seedHubsoft } from './seed.js';
import type { HubsoftData, HubsoftSeedOptions } from './seed.js';
import { defaultHubsoftCredentials, HubsoftState } from './state.js';
import type { HubsoftCredentials } from './state.js';

export interface HubsoftSimulatorOptions {
  port?: number;
  host?: string;
  /** Seed options, or data already built (tests that change it before starting). */
  seed?: HubsoftSeedOptions | HubsoftData;
  /** A fault active from the start. */
  faults?: FaultSpec;
  credentials?: Partial<HubsoftCredentials>;
  /** Lifetime of issued tokens in seconds; Hubsoft's is 2592000 (30 days). */
  tokenTtlSeconds?: number;
  /** The URL printed in PDF links, when clients reach the simulator by another name than host:port. */
  publicUrl?: string;
}

export interface RunningHubsoftSimulator {
  url: string;
  state: HubsoftState;
  faults: FaultSwitch;
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json';

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), JSON_TYPE);
}

function parseBody(text: string, type: string | undefined): Record<string, unknown> | null {
  if (text.trim() === '') return {};
  if (type?.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Answers the fault instead of the route; false when the request should go on. */
async function applyFault(fault: FaultSpec, state: HubsoftState, res: ServerResponse): Promise<boolean> {
  if (fault.latencyMs !== undefined) await sleep(fault.latencyMs);
  if (fault.revokeToken === true) state.revokeAllTokens();
  if (fault.timeout === true) return true;
  if (fault.status !== undefined) {
    send(res, fault.status, NGINX_PAGE(fault.status), 'text/html');
    return true;
  }
  if (fault.html === true) {
    send(res, 200, FRAMEWORK_ERROR_PAGE, 'text/html; charset=UTF-8');
    return true;
  }
  if (fault.errorEnvelope === true) {
    sendJson(res, 200, {
      status: 'error',
      msg: 'Ocorreu um erro inesperado ao processar a requisição.',
      errors: [],
    });
    return true;
  }
  if (fault.malformedJson === true) {
    send(
      res,
      200,
      '{"status":"success","msg":"Dados consultados com sucesso","clientes":[{"id_cliente":11201,"nome_raz',
      JSON_TYPE,
    );
    return true;
  }
  return false;
}

function token(state: HubsoftState, body: Record<string, unknown>, res: ServerResponse): void {
  const c = state.credentials;
  if (body.grant_type !== 'password') {
    state.counters.tokensRefused++;
    sendJson(res, 400, {
      error: 'unsupported_grant_type',
      error_description: 'The authorization grant type is not supported by the authorization server.',
      message: 'The authorization grant type is not supported by the authorization server.',
    });
    return;
  }
  if (String(body.client_id) !== c.client_id || body.client_secret !== c.client_secret) {
    state.counters.tokensRefused++;
    sendJson(res, 401, {
      error: 'invalid_client',
      error_description: 'Client authentication failed',
      message: 'Client authentication failed',
    });
    return;
  }
  if (body.username !== c.username || body.password !== c.password) {
    state.counters.tokensRefused++;
    sendJson(res, 401, {
      error: 'invalid_credentials',
      error_description: 'The user credentials were incorrect.',
      message: 'The user credentials were incorrect.',
    });
    return;
  }
  const issued = state.issueToken();
  sendJson(res, 200, {
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    access_token: issued.token,
    refresh_token: `def50200${issued.token.split('').reverse().join('')}`,
  });
}

async function pdf(state: HubsoftState, path: string, res: ServerResponse): Promise<void> {
  const { data } = state;
  const [, , kind, hash] = path.split('/');
  if (kind === 'fatura') {
    const bill = data.bills.find((b) => b.hash === hash && b.codigo_barras !== null);
    if (bill === undefined)
      return send(res, 404, '<html><body><h1>Fatura não encontrada</h1></body></html>', 'text/html');
    const customer = data.customers.find((c) => c.id_cliente === bill.id_cliente)!;
    const { company } = data;
    const bytes = await renderBoletoPdf({
      bankCode: company.bank.code,
      bankName: company.bank.name,
      beneficiary: { name: company.nome_razaosocial, document: company.cnpj },
      payer: { name: customer.nome_razaosocial, document: customer.cpf_cnpj },
      agencyAccount: `${company.bank.agencia} / ${company.bank.conta}`,
      ourNumber: bill.nosso_numero,
      documentNumber: String(bill.id_fatura),
      issueDate: bill.data_cadastro.slice(0, 10),
      dueDate: bill.data_vencimento,
      amountCents: bill.valorCents,
      barcode: bill.codigo_barras!,
      ...(bill.pix === null ? {} : { pixCode: bill.pix }),
      description: bill.cobrancas.map((c) => c.descricao).join('; '),
    });
    return send(res, 200, bytes, 'application/pdf');
  }
  const note = kind === 'nota' ? data.invoices.find((n) => n.hash === hash) : undefined;
  if (note === undefined) return send(res, 404, '<html><body><h1>Not Found</h1></body></html>', 'text/html');
  const customer = data.customers.find((c) => c.id_cliente === note.id_cliente)!;
  const bytes = await renderInvoicePdf({
    issuer: { name: data.company.nome_razaosocial, document: data.company.cnpj },
    customer: { name: customer.nome_razaosocial, document: customer.cpf_cnpj },
    number: String(note.numero),
    series: note.serie,
    model: note.modelo ?? 'NFS-e',
    issueDate: note.data_emissao,
    accessKey: '',
    authorized: !note.cancelado,
    ...scmInvoiceLines(note.valorCents),
  });
  return send(res, 200, bytes, 'application/pdf');
}

function isAuthorised(state: HubsoftState, req: IncomingMessage): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match !== null && state.isValidToken(match[1]!);
}

async function handle(
  state: HubsoftState,
  faults: FaultSwitch,
  baseUrl: () => string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  const key = `${method} ${path}`;
  state.count(key);
  const rawFault = req.headers['x-sim-fault'];
  const fault = faults.take(path, Array.isArray(rawFault) ? rawFault.join(',') : rawFault);
  if (fault !== null && (await applyFault(fault, state, res))) return;

  const text = await readText(req);
  const body = parseBody(text, req.headers['content-type']);
  if (path === '/oauth/token' && method === 'POST') return token(state, body ?? {}, res);
  if (path.startsWith('/pdf/') && method === 'GET') return pdf(state, path, res);
  if (!path.startsWith('/api/')) return sendJson(res, 404, { message: 'Not Found' });
  if (!isAuthorised(state, req)) {
    state.counters.unauthorized++;
    return sendJson(res, 401, { message: 'Unauthenticated.' });
  }
  const route = routes[key];
  if (route === undefined)
    return sendJson(res, 404, { status: 'error', msg: 'Rota não encontrada.', errors: [] });
  if (body === null)
    return sendJson(res, 400, {
      status: 'error',
      msg: 'O corpo da requisição deve ser um JSON válido.',
      errors: [],
    });
  // Hubsoft is a Laravel application: a route reads its input from the query string and the body
  // merged, the body winning (older clients send desbloqueio_confianca's id in the query string).
  const input = method === 'GET' ? body : { ...Object.fromEntries(url.searchParams), ...body };
  if (method !== 'GET') state.counters.writes.push({ method, path, body: input });
  const reply = route({
    state,
    query: url.searchParams,
    body: input,
    baseUrl: baseUrl(),
    today: todayInBrazil(),
  });
  sendJson(res, reply.status, reply.json);
}

/** Starts a simulated Hubsoft on `host:port` (port 0 picks a free one). */
export async function startHubsoftSimulator(
  options: HubsoftSimulatorOptions = {},
): Promise<RunningHubsoftSimulator> {
  const data =
    options.seed !== undefined && 'customers' in options.seed && Array.isArray(options.seed.customers)
      ? (options.seed as HubsoftData)
      : seedHubsoft(options.seed as HubsoftSeedOptions | undefined);
  const state = new HubsoftState(
    data,
    { ...defaultHubsoftCredentials, ...options.credentials },
    options.tokenTtlSeconds ?? 2_592_000,
  );
  const faults = new FaultSwitch();
  if (options.faults !== undefined) faults.set(options.faults);
  let url = '';
  const server = createServer((req, res) => {
    handle(state, faults, () => url, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: 'Server Error', detail: String(error) });
    });
  });
  const listening = await startListening(server, options);
  url = options.publicUrl?.replace(/\/+$/, '') ?? listening.url;
  return { url, state, faults, close: listening.close };
}

export { seedHubsoft } from './seed.js';
export type { HubsoftData, HubsoftFixtures, HubsoftSeedOptions } from './seed.js';
export { defaultHubsoftCredentials } from './state.js';
export type { HubsoftCredentials } from './state.js';
export type { FaultSpec } from './faults.js';
