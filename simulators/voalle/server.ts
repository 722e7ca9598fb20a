// A local Voalle ("API's para Terceiros"), for tests, benchmarks and demos (`ponte sim voalle`).
//
// Two ports on a real ERP host: auth :45700 (POST /connect/token) and API :45715 (/external/...).
// Started by the registry it serves both on one port, so one URL points Ponte at it (the tenant
// settings give the same URL as api_url and auth_url); `separateAuthPort: true` starts a second
// listener for /connect/token only, as a real host has, and the API port then answers 404 there.
//
// Routes (clients.md; grade in the README's function map), JSON in and out:
//   POST /connect/token                 form: grant_type=client_credentials, scope=syngw, client_id,
//                                       client_secret, syndata -> {access_token, expires_in, token_type, scope, refresh_token}
//   POST /external/crm/leads/create     personalData, contact, address, integratorData -> no id
//   /external/integrations/thirdparty/  people/txid/{txId}, PUT people/{id}, PUT updateaddress/{id},
//        getopentitlesbytxid/{txId}, gettitlesbytxid/{txId}, GetBillet/{id}, GetBilletLink/{id},
//        receivepayment, consultpayment?syngwtransactionid=, contract/getpaged, contracts/unlock/{n},
//        opensolicitation, incidenttypespaged, companiesplacespaged, crm/contracttypesandservices,
//        crm/campaignsandpricelistservices, crm/startsale, billings/invoices/download/{documentId}
//   GET  /financial_receivable_titles/check_bank/{hash}   the public link GetBilletLink prints
// Envelope {success, messages, response, dataResponseType, elapsedTime}; business errors are HTTP 200
// with success false. Every API route needs `Authorization: Bearer`; none, unknown, expired or
// revoked -> 401 with an empty body (unverified: the body of a real 401 is not recorded).
// Faults: faults.ts (header x-sim-fault, query sim_fault, start option); variants: views.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { requestFaultText } from '../shared/faults.js';
import { closeServer, listen, readText, send, urlOf } from '../shared/http.js';
import { todayInBrazil } from '../../src/brasil/dates.js';
import { faultAnswer, Faults, parseFaultList, PROCESSED_BEFORE, type FaultRule } from './faults.js';
import {
  billetByHash,
  createLead,
  THIRD_PARTY,
  thirdParty,
  type RouteAnswer,
  type RouteRequest,
} from './routes.js';
import { seedVoalle, type VoalleData, type VoalleSeedOptions } from './seed.js';
import { defaultVoalleCredentials, VoalleState, type VoalleCredentials } from './state.js';
import { VARIANTS, type Variant } from './views.js';

export interface VoalleSimulatorOptions {
  port?: number;
  host?: string;
  today?: string;
  seed?: VoalleSeedOptions | VoalleData;
  faults?: FaultRule[];
  variants?: readonly string[];
  credentials?: Partial<VoalleCredentials>;
  /** Token lifetime; Voalle's is 3600 s. */
  tokenTtlSeconds?: number;
  /** consultpayment calls a payment stays unprocessed for (default 1: the first consult says "waiting"). */
  paymentDelay?: number;
  /** A second listener for /connect/token, as on a real host (auth and API ports). */
  separateAuthPort?: boolean;
  /** The simulator's clock (token expiry, the rate-limit window). */
  now?: () => number;
}

export interface VoalleSimulator {
  /** The API port's URL. */
  url: string;
  /** Where /connect/token is served (the same as url unless separateAuthPort). */
  authUrl: string;
  state: VoalleState;
  faults: Faults;
  close(): Promise<void>;
}

const sendJson = (
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', headers);

/** POST /connect/token (IdentityServer-style errors; unverified beyond "401 when refused"). */
function token(state: VoalleState, text: string, type: string, res: ServerResponse): void {
  if (!type.includes('application/x-www-form-urlencoded')) {
    state.counters.tokensRefused++;
    return sendJson(res, 400, { error: 'invalid_request' });
  }
  const form = new URLSearchParams(text);
  const c = state.credentials;
  if (form.get('grant_type') !== 'client_credentials') {
    state.counters.tokensRefused++;
    return sendJson(res, 400, { error: 'unsupported_grant_type' });
  }
  if (!(form.get('scope') ?? '').split(' ').includes('syngw')) {
    state.counters.tokensRefused++;
    return sendJson(res, 400, { error: 'invalid_scope' });
  }
  if (
    form.get('client_id') !== c.client_id ||
    form.get('client_secret') !== c.client_secret ||
    form.get('syndata') !== c.syndata
  ) {
    state.counters.tokensRefused++;
    return sendJson(res, 401, { error: 'invalid_client' });
  }
  const issued = state.issueToken(c.client_id);
  sendJson(res, 200, {
    access_token: issued.token,
    expires_in: issued.expiresIn,
    token_type: 'Bearer',
    scope: 'syngw',
    refresh_token: issued.token.split('').reverse().join(''),
  });
}

function answer(res: ServerResponse, a: RouteAnswer): void {
  if (a.kind === 'pdf') return send(res, 200, a.bytes, 'application/pdf');
  if (a.kind === 'empty') return send(res, a.status, '', 'text/plain');
  sendJson(res, a.status, a.body);
}

interface Context {
  state: VoalleState;
  faults: Faults;
  variants: ReadonlySet<Variant>;
  publicUrl: () => string;
  /** This listener serves /connect/token; and (apiToo) the API. */
  serves: { token: boolean; api: boolean };
}

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { state } = ctx;
  const url = new URL(req.url ?? '/', 'http://simulator');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  state.counters.requests++;
  const key = `${method} ${path.replace(/\/\d[\d.]*$/g, '/{id}')}`;
  state.counters.byRoute.set(key, (state.counters.byRoute.get(key) ?? 0) + 1);
  const perRequest = parseFaultList(requestFaultText(req, url.searchParams));
  const chosen = ctx.faults.choose(path, perRequest);
  if (chosen.latencyMs > 0) await sleep(chosen.latencyMs);
  if (chosen.revoke) state.revokeAllTokens();
  const text = await readText(req);

  if (path === '/connect/token' && method === 'POST' && ctx.serves.token) {
    return token(state, text, String(req.headers['content-type'] ?? ''), res);
  }
  if (path.startsWith('/financial_receivable_titles/check_bank/') && method === 'GET' && ctx.serves.api) {
    const pdf = await billetByHash(state, path.split('/').pop() ?? '');
    return pdf === null
      ? send(res, 404, '<html><body>Not Found</body></html>', 'text/html')
      : send(res, 200, pdf, 'application/pdf');
  }
  if (!ctx.serves.api || !path.startsWith('/external/')) return send(res, 404, '', 'text/plain');

  const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const integrator = auth === null ? null : state.tokenOwner(auth[1]!);
  if (integrator === null) {
    state.counters.unauthorized++;
    return send(res, 401, '', 'text/plain', { 'www-authenticate': 'Bearer error="invalid_token"' });
  }
  if (chosen.rateLimit !== null && !state.admit(integrator, chosen.rateLimit)) {
    state.counters.rateLimited++;
    // unverified: the vendor states the limit (30/min per integrator); the answer's shape is ours.
    return sendJson(
      res,
      429,
      {
        success: false,
        messages: [{ message: 'Limite de requisições por minuto excedido.', code: 429, type: 'Error' }],
        response: null,
      },
      { 'retry-after': String(state.retryAfter(integrator)) },
    );
  }
  const fault = chosen.fault;
  const replaced = fault === null ? null : faultAnswer(fault);
  if (fault !== null && !PROCESSED_BEFORE.has(fault) && replaced !== null) {
    return send(res, replaced.status, replaced.body, replaced.contentType);
  }

  let body: Record<string, unknown> = {};
  if (text.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      // unverified: ASP.NET's model-binding answer for a broken body.
      return sendJson(res, 400, {
        errors: { '': ['A non-empty request body is required.'] },
        status: 400,
        title: 'One or more validation errors occurred.',
      });
    }
  }
  const request: RouteRequest = {
    state,
    method,
    path: path.startsWith(`${THIRD_PARTY}/`) ? path.slice(THIRD_PARTY.length + 1) : path,
    query: url.searchParams,
    body,
    variants: ctx.variants,
    publicUrl: ctx.publicUrl(),
    slowPayment: chosen.slowPayment,
  };
  const routed =
    path === '/external/crm/leads/create' && method === 'POST'
      ? createLead(request)
      : path.startsWith(`${THIRD_PARTY}/`)
        ? await thirdParty(request)
        : null;
  // Every /contracts variant and /crm/campaigns answered 404 on a real ERP (FIKTA): unknown routes are 404.
  if (routed === null) return send(res, 404, '', 'text/plain');
  if (fault === 'timeout') return; // processed, never answered
  if (replaced !== null) return send(res, replaced.status, replaced.body, replaced.contentType);
  answer(res, routed);
}

/** Starts a simulated Voalle on `host:port` (port 0 picks a free one). */
export async function startVoalleSimulator(options: VoalleSimulatorOptions = {}): Promise<VoalleSimulator> {
  const data =
    options.seed !== undefined && 'people' in options.seed
      ? options.seed
      : seedVoalle({
          today: options.today ?? todayInBrazil(),
          ...options.seed,
        });
  const state = new VoalleState(
    data,
    { ...defaultVoalleCredentials, ...options.credentials },
    options.tokenTtlSeconds ?? 3600,
    options.paymentDelay ?? 1,
    options.now,
  );
  const faults = new Faults();
  if (options.faults !== undefined) faults.set(options.faults);
  const variants = new Set(
    (options.variants ?? []).filter((v): v is Variant => (VARIANTS as readonly string[]).includes(v)),
  );
  let url = '';
  const separate = options.separateAuthPort === true;
  const serve = (serves: Context['serves']) =>
    createServer((req, res) => {
      handle({ state, faults, variants, publicUrl: () => url, serves }, req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { message: 'Server Error', detail: String(error) });
      });
    });
  const host = options.host ?? '127.0.0.1';
  const api = serve({ token: !separate, api: true });
  url = urlOf(host, (await listen(api, options.port ?? 0, host)).port);
  const servers = [api];
  let authUrl = url;
  if (separate) {
    const auth = serve({ token: true, api: false });
    authUrl = urlOf(host, (await listen(auth, 0, host)).port);
    servers.push(auth);
  }
  return {
    url,
    authUrl,
    state,
    faults,
    close: async () => {
      await Promise.all(servers.map((s) => closeServer(s)));
    },
  };
}

const PLACE_TX_ID = seedVoalle().companyPlaces[0]!.txId;

/** The provider settings that point Ponte at a simulator (API and auth URLs may be the same). */
export function voalleTenantSettings(apiUrl: string, authUrl: string = apiUrl): Record<string, unknown> {
  return {
    api_url: apiUrl,
    auth_url: authUrl,
    client_id: defaultVoalleCredentials.client_id,
    client_secret: defaultVoalleCredentials.client_secret,
    syndata: defaultVoalleCredentials.syndata,
    integrator_alias: 'ponte',
    crm_contact_origin_code: '1.03',
    company_place_tx_id: PLACE_TX_ID,
    contract_type: '1',
    crm_campaign_code: '7',
    crm_price_list_code: '31',
    bank_account_code: '3',
    payment_form_codes: { pix: '12', credit_card: '14', debit_card: '15', tef: '15', cash: '1', boleto: '2' },
    settlement_poll_interval_ms: 20,
    resellers: [{ code: '1', name: 'Loja Centro', taxvat: PLACE_TX_ID, email: 'loja.centro@example.com' }],
  };
}

export { seedVoalle } from './seed.js';
export type { VoalleData, VoalleFixtures } from './seed.js';
export { defaultVoalleCredentials } from './state.js';
