// Masks personal data in free text (log lines, ERP answer excerpts): CPF/CNPJ, e-mail addresses,
// phone numbers and bearer tokens. It errs on the side of masking: an id that looks like a phone
// number is masked too, which costs a little readability and never leaks a customer's number.

const patterns: [RegExp, (match: string) => string][] = [
  // Bearer / Basic credentials and token-looking query values.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, (m) => `${m.split(/\s+/)[0]} ***`],
  [
    /("?(?:token|access_token|refresh_token|password|senha|secret|client_secret)"?\s*[:=]\s*"?)[^"&\s,}]+/gi,
    (m) => m.replace(/([:=]\s*"?)[^"&\s,}]+$/, '$1***'),
  ],
  // E-mail: keep the first character and the domain.
  [
    /\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/g,
    (m) => m.replace(/^(.)[^@]*/, '$1***'),
  ],
  // CNPJ, numeric or alphanumeric, masked or not (12 base characters + 2 digits).
  [/\b[0-9A-Z]{2}\.?[0-9A-Z]{3}\.?[0-9A-Z]{3}\/?[0-9A-Z]{4}-?\d{2}\b/g, maskKeepingMiddle],
  // CPF, masked or not.
  [/\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b/g, maskKeepingMiddle],
  // Phones: optional +55, optional DDD in parentheses, 8 or 9 digits with optional separator.
  [
    /(?<![\w+])(?:\+?55\s?)?(?:\(\d{2}\)|\d{2})\s?9?\d{4}[-\s]?\d{4}(?!\d)/g,
    (m) => m.replace(/\d(?=(?:\D*\d){2})/g, '*'),
  ],
];

/** Keeps the shape and three middle characters: 529.982.247-25 -> ***.982.***-**. */
function maskKeepingMiddle(match: string): string {
  const chars = [...match];
  const alnumIdx = chars.flatMap((c, i) => (/[0-9A-Z]/.test(c) ? [i] : []));
  alnumIdx.forEach((pos, n) => {
    if (n < 3 || n > 5) chars[pos] = '*';
  });
  return chars.join('');
}

export function maskPersonalData(text: string): string {
  let out = text;
  for (const [re, fn] of patterns) out = out.replace(re, fn);
  return out;
}

/** Masks every string inside a JSON-like value (for log objects). */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value instanceof Error) return maskError(value, depth);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

/**
 * A copy of an error with every own property masked (message, stack, cause, ERP fields...). It
 * keeps the prototype and the non-enumerable properties, so pino still serialises it as an error.
 */
function maskError(error: Error, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key)!;
    if ('value' in descriptor) descriptor.value = maskDeep(descriptor.value, depth + 1);
    Object.defineProperty(copy, key, descriptor);
  }
  return copy;
}
