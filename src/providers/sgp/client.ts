// SGP's protocol on the kit's ErpHttpClient: `token` + `app` in the body of a POST (form-urlencoded,
// or JSON for the endpoints whose examples are JSON) and in the query of a GET; business errors
// inside an HTTP 200 as `status: 0|false` + `msg`; 401/403 are the token (configuration), 404 a
// wrong base_url, unless the endpoint gives those codes a meaning of its own (baixar, CRM look-ups).
import { PonteError } from '../../contract/index.js';
import { maskPersonalData } from '../../logging/mask.js';
import {
  DownloadClients,
  ErpHttpClient,
  badResponse,
  functionsFor,
  rejected,
  text,
  upstreamExcerpt,
} from '../kit/index.js';
import type { CallContext, ConnectEnv, TenantOptions } from '../kit/index.js';
import type { SgpSettings } from './settings.js';

export const ERP_NAME = 'SGP';

export interface SgpRequestOptions {
  /** A read: retried on transport failures and 5xx by the kit. */
  read: boolean;
  /** Send a JSON body (the endpoints the vendor documents with raw JSON) instead of a form. */
  json?: boolean;
  /** HTTP statuses the caller reads itself (baixar's 202/401/404, a CRM look-up's 404). */
  accept?: readonly number[];
  /** `status: 0|false|2` answers are returned, not thrown (trust unlock, contato/add). */
  refusalsAsData?: boolean;
}

export interface SgpAnswer {
  status: number;
  /** The parsed JSON; null for an empty body. */
  body: unknown;
  raw: string;
}

export type Fields = Record<
  string,
  string | number | boolean | undefined | Record<string, unknown> | unknown[]
>;

/** SGP's error inside a 200: `status` 0/false (any case, number or string) with a `msg`; null otherwise. */
export function refusalOf(body: unknown): string | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  if (!('status' in b)) return null;
  const s = b.status;
  const failed =
    s === 0 || s === false || s === '0' || (typeof s === 'string' && s.toLowerCase() === 'false');
  return failed ? text(b.msg) || text(b.message) || 'SGP answered status 0' : null;
}

/** The message of a 4xx body: DRF's `detail`, SGP's `msg`, or a DRF field map. */
function messageOf(body: unknown, raw: string): string {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    const direct = text(b.detail) || text(b.msg) || text(b.message);
    if (direct !== '') return direct;
    const fields = Object.entries(b)
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map(text).join(' ') : text(v)}`)
      .join('; ');
    if (fields !== '') return fields;
  }
  return text(body) || raw.slice(0, 200);
}

function parse(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

function formOf(fields: Fields): string {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    form.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  return form.toString();
}

export class SgpClient {
  private readonly http: ErpHttpClient;
  private readonly origin: string;
  private readonly downloads = new DownloadClients(ERP_NAME);

  constructor(private readonly settings: SgpSettings) {
    this.http = new ErpHttpClient({ baseUrl: settings.base_url, erpName: ERP_NAME });
    this.origin = new URL(settings.base_url).origin;
  }

  private auth(): { token: string; app: string } {
    return { token: this.settings.token, app: this.settings.app };
  }

  async post(
    path: string,
    fields: Fields,
    call: CallContext,
    options: SgpRequestOptions,
  ): Promise<SgpAnswer> {
    const all = { ...this.auth(), ...fields };
    const body = options.json === true ? JSON.stringify(all) : formOf(all);
    const type = options.json === true ? 'application/json' : 'application/x-www-form-urlencoded';
    return this.send('POST', path, body, type, call, options);
  }

  /**
   * A GET: token, app and the fields in the query string; with `formBody` the fields also go as a
   * form body (anotacao/list and the CRM look-ups are documented as GETs with a form body).
   */
  async get(
    path: string,
    fields: Fields,
    call: CallContext,
    options: SgpRequestOptions & { formBody?: boolean },
  ): Promise<SgpAnswer> {
    const all = { ...this.auth(), ...fields };
    const query = formOf(all);
    return options.formBody === true
      ? this.send('GET', `${path}?${query}`, query, 'application/x-www-form-urlencoded', call, options)
      : this.send('GET', `${path}?${query}`, undefined, undefined, call, options);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    type: string | undefined,
    call: CallContext,
    options: SgpRequestOptions,
  ): Promise<SgpAnswer> {
    const res = await this.http.request(
      {
        method,
        path,
        headers: { accept: 'application/json', ...(type === undefined ? {} : { 'content-type': type }) },
        ...(body === undefined ? {} : { body }),
        read: options.read,
      },
      call,
    );
    const raw = res.text();
    const parsed = parse(raw);
    const value = parsed.ok ? parsed.value : null;
    const route = path.split('?')[0]!;
    if (options.accept?.includes(res.status)) return { status: res.status, body: value, raw };
    if (res.status === 401 || res.status === 403) {
      throw new PonteError(
        'ERP_UNAVAILABLE',
        `SGP refused the token (HTTP ${res.status}: ${maskPersonalData(messageOf(value, raw))}): check the tenant settings token and app (Sistema → Ferramentas → Painel Admin → Tokens; app is case-sensitive)`,
        { details: { settings: ['token', 'app'] }, upstream: upstreamExcerpt(res.status, raw) },
      );
    }
    if (res.status === 404) {
      throw new PonteError(
        'ERP_UNAVAILABLE',
        `SGP has no ${route} (HTTP 404): check the tenant setting base_url (the SGP host, without /api)`,
        { details: { settings: ['base_url'] } },
      );
    }
    if (res.status < 200 || res.status >= 300) {
      const message = messageOf(value, raw);
      throw options.read
        ? badResponse(
            ERP_NAME,
            `HTTP ${res.status} to ${route}: ${maskPersonalData(message)}`,
            res.status,
            raw,
          )
        : rejected(ERP_NAME, message, res.status, raw);
    }
    if (!parsed.ok) throw badResponse(ERP_NAME, `a body that is not JSON to ${route}`, res.status, raw);
    if (options.refusalsAsData !== true) {
      const refusal = refusalOf(value);
      if (refusal !== null) {
        throw options.read
          ? badResponse(ERP_NAME, `an error to ${route}: ${maskPersonalData(refusal)}`, res.status, raw)
          : rejected(ERP_NAME, refusal, res.status, raw);
      }
    }
    return { status: res.status, body: value, raw };
  }

  /** A POST that answers a file (nfcom/print): its bytes when they are a PDF, null otherwise. */
  async postPdf(path: string, fields: Fields, call: CallContext): Promise<Buffer | null> {
    const res = await this.http.request(
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: formOf({ ...this.auth(), ...fields }),
        read: true,
      },
      call,
    );
    return res.status === 200 && res.body.subarray(0, 5).toString('latin1') === '%PDF-' ? res.body : null;
  }

  /** A public link's bytes when they are a PDF; null when the link is gone or serves something else. */
  async downloadPdf(link: string, call: CallContext): Promise<Buffer | null> {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const http = url.origin === this.origin ? this.http : this.downloads.for(url.origin);
    const res = await http.request({ method: 'GET', path: url.pathname + url.search, read: true }, call);
    if (res.status !== 200 || res.body.subarray(0, 5).toString('latin1') !== '%PDF-') return null;
    return res.body;
  }

  async close(): Promise<void> {
    await Promise.all([this.http.close(), this.downloads.close()]);
  }
}

/** What every SGP function gets: the client, the settings and the tenant's common options. */
export interface SgpConnection {
  client: SgpClient;
  settings: SgpSettings;
  options: TenantOptions;
}

export function connectSgp(env: ConnectEnv<SgpSettings>): SgpConnection {
  return { client: new SgpClient(env.settings), settings: env.settings, options: env.options };
}

/** Declares one SGP function: `export const listBills = sgpFunction('list_bills', ...)`. */
export const sgpFunction = functionsFor<SgpConnection>();
