// A local MK Solutions MK30 (webservices), for tests, benchmarks and demos (`ponte sim mk`).
//
//   GET|POST /mk/WSAutenticacao.rule?sys=MK0&token=<profile token>&password=<contra-senha>&cd_servico=9999
//            -> {Token, Expire "dd/mm/yyyy HH:MM:SS" (Brasília), LimiteUso, ServicosAutorizados[], status}
//   GET|POST /mk/<Service>.rule?sys=MK0&token=<session token>&...   the services of routes.ts
//   GET      /mk/boleto/<codfatura>-<hash>.pdf                      the PathDownload of a 2ª via
//
// Every answer is HTTP 200 JSON declared ISO-8859-1 with non-ASCII written as escaped UTF-8 bytes
// (wire.ts). Token errors: no or unknown token 999 "Token not found." (CodToken 0), expired 999
// "Token expirado." (its CodToken), invalidated 001 "Token inválido."; a service the profile does
// not authorize answers 001 too (unverified). Unknown services and a `sys` other than MK0 answer
// Tomcat's 404 page. The paid "APIs especiais" (NovaLead, NovaPessoa, NovoContrato) answer a
// servlet 500 unless the profile has them (`apisEspeciais`, on by default). The clock is
// injectable: tests move time instead of waiting.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { requestFaultText } from '../shared/faults.js';
import { readText, send as sendBody, startListening } from '../shared/http.js';
import { renderBoletoPdf } from '../../src/render/boleto-pdf.js';
import { lineToBarcode } from '../../src/brasil/boleto.js';
import { faultAnswer, Faults, parseFaultList, PROCESSED_BEFORE } from './faults.js';
import type { FaultRule } from './faults.js';
import { erro, routes, SERVICE_CODES, SPECIAL_SERVICES } from './routes.js';
import { seedMk } from './seed.js';
import type { MkData, MkSeedOptions } from './seed.js';
import { brasiliaStamp, defaultMkProfile, MkState } from './state.js';
import type { MkProfile } from './state.js';
import { MK_CONTENT_TYPE, mkJson } from './wire.js';

export interface MkSimulatorOptions {
  port?: number;
  host?: string;
  seed?: MkSeedOptions | MkData;
  faults?: FaultRule[];
  profile?: Partial<MkProfile>;
  /** The simulator's clock in epoch ms (default Date.now). */
  now?: () => number;
}

export interface RunningMkSimulator {
  url: string;
  state: MkState;
  faults: Faults;
  close(): Promise<void>;
}

const TOMCAT_404 =
  '<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title></head><body><h1>HTTP Status 404 – Not Found</h1></body></html>';

/** MK's argument order (type before body). */
const send = (res: ServerResponse, status: number, type: string, body: string | Buffer): void =>
  sendBody(res, status, body, type);

function authenticate(state: MkState, params: URLSearchParams): unknown {
  const { profile } = state;
  if (params.get('token') !== profile.token) return erro('001', 'Token inválido.');
  // unverified: the answer to a wrong contra-senha is not recorded.
  if (params.get('password') !== profile.contraSenha) return erro('001', 'Contra-senha inválida.');
  const asked = Number(params.get('cd_servico') ?? '9999');
  const all = profile.services.includes(9999);
  // unverified: the answer when the asked service is not authorized.
  if (asked !== 9999 && !all && !profile.services.includes(asked))
    return erro('001', 'Serviço não autorizado para este perfil.');
  const token = state.issueToken();
  return {
    Expire: brasiliaStamp(token.expiresAt),
    LimiteUso: profile.singleUse ? 1 : 0,
    ServicosAutorizados: asked === 9999 ? [...profile.services] : [asked],
    Token: token.value,
    status: 'OK',
  };
}

/** The token error of a request to `service`, or null when the token may call it. */
function tokenError(state: MkState, service: string, value: string | null): unknown {
  const token = value === null ? undefined : state.tokens.get(value);
  if (token === undefined)
    return { CodToken: 0, Mensagem: 'Token not found.', 'Num. ERRO': '999', status: 'ERRO' };
  if (token.invalid || (state.profile.singleUse && token.used)) return erro('001', 'Token inválido.');
  if (token.expiresAt <= state.now())
    return { CodToken: token.cod, Mensagem: 'Token expirado.', 'Num. ERRO': '999', status: 'ERRO' };
  const code = SERVICE_CODES[service];
  const services = state.profile.services;
  if (code !== null && code !== undefined && !services.includes(9999) && !services.includes(code))
    return erro('001', 'Serviço não autorizado para este token.');
  token.used = true;
  return null;
}

async function boletoPdf(state: MkState, name: string, res: ServerResponse): Promise<void> {
  const [id, hash] = name.replace(/\.pdf$/, '').split('-');
  const bill = state.data.bills.find((b) => String(b.codfatura) === id && b.hash === hash);
  if (bill === undefined || bill.ld === null) return send(res, 404, 'text/html', TOMCAT_404);
  const payer = state.data.pessoas.find((p) => p.CodigoPessoa === bill.CodigoPessoa)!;
  const { company } = state.data;
  const line = bill.ld.replace(/\D/g, '');
  let barcode: string;
  try {
    barcode = lineToBarcode(line);
  } catch {
    return send(res, 404, 'text/html', TOMCAT_404);
  }
  const bytes = await renderBoletoPdf({
    bankCode: company.bank.code,
    bankName: 'SICREDI',
    beneficiary: { name: company.name, document: company.cnpj },
    payer: { name: payer.Nome, document: payer.doc },
    agencyAccount: `${company.bank.agencia} / ${company.bank.convenio}`,
    ourNumber: String(bill.codfatura),
    documentNumber: String(bill.codfatura),
    issueDate: bill.emissao,
    dueDate: bill.vencimento,
    amountCents: bill.valorCents,
    barcode,
    ...(bill.pix === null ? {} : { pixCode: bill.pix }),
    description: bill.descricao,
  });
  send(res, 200, 'application/pdf', bytes);
}

async function handle(
  state: MkState,
  faults: Faults,
  baseUrl: () => string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const body = req.method === 'POST' ? await readText(req) : '';
  const params = new URLSearchParams(url.search);
  for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
  const pdf = /^\/mk\/boleto\/([\w-]+\.pdf)$/.exec(url.pathname);
  const rule = /^\/mk\/(WS\w+)\.rule$/.exec(url.pathname);
  const service = rule?.[1] ?? (pdf ? 'boleto' : 'unknown');
  state.count(service);

  const perRequest = parseFaultList(requestFaultText(req, params));
  const chosen = faults.choose(service, perRequest);
  if (chosen.latencyMs > 0) await sleep(chosen.latencyMs);
  if (chosen.modifiers.includes('expire')) state.expireAllTokens();
  if (chosen.modifiers.includes('invalidate')) state.invalidateAllTokens();
  const fault = chosen.fault;
  const replaced = fault === null ? null : faultAnswer(fault, service);
  if (fault !== null && !PROCESSED_BEFORE.has(fault)) {
    if (replaced !== null) return send(res, replaced.status, replaced.contentType, replaced.body);
    return; // timeout that is not processed: cannot happen (timeout is processed first)
  }

  if (pdf) return boletoPdf(state, pdf[1]!, res);
  const route = rule ? routes[rule[1]!] : undefined;
  const isAuth = rule?.[1] === 'WSAutenticacao';
  if ((route === undefined && !isAuth) || params.get('sys') !== 'MK0') {
    return send(res, 404, 'text/html;charset=utf-8', TOMCAT_404);
  }
  if (!isAuth && !state.profile.apisEspeciais && SPECIAL_SERVICES.has(rule![1]!)) {
    // unverified: what an MK without the paid module answers; a servlet error as seen for an
    // enabled but unconfigured module (clients.md §4).
    const trace = faultAnswer('servlet500', rule![1]!)!;
    return send(res, trace.status, trace.contentType, trace.body);
  }
  const answer = isAuth
    ? authenticate(state, params)
    : (tokenError(state, rule![1]!, params.get('token')) ?? route!({ state, params, baseUrl: baseUrl() }));
  if (fault === 'timeout') return; // processed, never answered
  if (replaced !== null) return send(res, replaced.status, replaced.contentType, replaced.body);
  send(res, 200, MK_CONTENT_TYPE, mkJson(answer, { rawUtf8: chosen.modifiers.includes('raw-utf8') }));
}

/** Starts a simulated MK on `host:port` (port 0 picks a free one). */
export async function startMkSimulator(options: MkSimulatorOptions = {}): Promise<RunningMkSimulator> {
  const data = options.seed !== undefined && 'pessoas' in options.seed ? options.seed : seedMk(options.seed);
  const state = new MkState(data, { ...defaultMkProfile, ...options.profile }, options.now ?? Date.now);
  const faults = new Faults();
  if (options.faults !== undefined) faults.set(options.faults);
  let url = '';
  const server = createServer((req, res) => {
    handle(state, faults, () => url, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', String(error));
    });
  });
  const listening = await startListening(server, options);
  url = listening.url;
  return { url, state, faults, close: listening.close };
}

export { seedMk } from './seed.js';
export type { MkData, MkFixtures, MkSeedOptions } from './seed.js';
export { defaultMkProfile } from './state.js';
export type { MkProfile } from './state.js';
