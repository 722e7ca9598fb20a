// What every simulated route reads and answers: its context, Hubsoft's envelope (`ok`, `fail`)
// and the readers of loosely typed input. Business errors are `{status:"error", msg, errors?}`;
// the docs never show their HTTP status, so the simulator answers them with 400 (validation
// included) and 404 for unknown ids, and the provider must read the body whatever the status.
import type { HubsoftState } from '../state.js';

export interface RouteContext {
  state: HubsoftState;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The simulator's own URL, for the links it prints. */
  baseUrl: string;
  today: string;
}

export interface Reply {
  status: number;
  json: unknown;
}

export type Handler = (ctx: RouteContext) => Reply;

export const ok = (
  msg: string,
  payload: Record<string, unknown>,
  status: 'success' | 'suscess' = 'success',
): Reply => ({
  status: 200,
  json: { status, msg, ...payload },
});

export const fail = (msg: string, status = 400, errors: string[] = []): Reply => ({
  status,
  json: { status: 'error', msg, errors },
});

/** A JSON string or number as trimmed text; '' for anything else. */
export const scalar = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

export const digits = (value: unknown) =>
  (typeof value === 'string' || typeof value === 'number' ? String(value) : '')
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase();

export function positiveInt(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value.trim())
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export function money(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : null;
}
