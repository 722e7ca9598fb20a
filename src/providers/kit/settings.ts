// Setting fields every ERP's schema uses, so their rules and messages are the same everywhere.
import { z } from 'zod';

/**
 * The ERP's base URL: http(s), trailing slashes removed; `pathSuffix` (e.g. "/webservice/v1")
 * when the ERP's API lives under a fixed path that operators tend to leave out.
 */
export function baseUrlSetting(options: { pathSuffix?: string } = {}) {
  const base = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''));
  const suffix = options.pathSuffix;
  if (suffix === undefined) return base;
  return base.refine((url) => url.endsWith(suffix), `must end with ${suffix}`);
}

/**
 * An ERP record id as the ISP pastes it: a positive integer, given as a string ("139") or a
 * number (139) — both are accepted everywhere and stored as the string.
 */
export function idSetting(what: string) {
  return z
    .union([z.string(), z.number().int()])
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^[1-9]\d{0,11}$/, `${what}: a positive integer (as a number or a string)`));
}

/** The same, for ERPs whose API wants ids as JSON numbers: accepted as either, kept as a number. */
export function numericIdSetting(what: string) {
  return idSetting(what).transform(Number);
}
