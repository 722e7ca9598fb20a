// Talks to Ponte's console API (/console/api, src/console/api.ts): JSON in and out, the session
// cookie sent by the browser, the CSRF token added to every request that changes something.
let csrf = '';
let onLoggedOut: () => void = () => undefined;

export function setCsrf(token: string): void {
  csrf = token;
}

/** Called when an answer says the session is gone (expired, revoked, admin token changed). */
export function whenLoggedOut(listener: () => void): void {
  onLoggedOut = listener;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`/console/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Sem conexão com o Ponte. Verifique se ele está no ar e tente de novo.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(res.status, 'BAD_ANSWER', `Resposta inesperada do Ponte (HTTP ${res.status}).`);
  }
  if (!res.ok) {
    const e = (parsed as ErrorBody | undefined)?.error ?? {};
    const details = Array.isArray(e.details) ? (e.details as { path: string; message: string }[]) : [];
    const error = new ApiError(res.status, e.code ?? 'HTTP', e.message ?? `HTTP ${res.status}`, details);
    if (res.status === 401 && path !== '/login') onLoggedOut();
    throw error;
  }
  return parsed as T;
}

/** Query string of the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][];
  return entries.length === 0
    ? ''
    : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}
