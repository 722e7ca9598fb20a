// MK's charset bug, repaired once for every answer: bodies are declared ISO-8859-1, but each
// non-ASCII character was encoded as UTF-8 and its bytes written as \u00XX escapes, so parsed
// strings hold UTF-8 bytes as code points ("É" arrives as "Ã" + U+0089). A string made only of
// code points up to U+00FF that forms valid UTF-8 is reread as UTF-8; anything else is kept.
// Bytes are decoded as UTF-8 when they are valid UTF-8 (some installs send raw UTF-8 under the
// same header), else as ISO-8859-1.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The body's text: UTF-8 when the bytes are valid UTF-8, else ISO-8859-1. */
export function bodyText(body: Buffer): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    return body.toString('latin1');
  }
}

/** One string with its escaped UTF-8 bytes put back together; unchanged when they do not form UTF-8. */
export function repairString(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[\u0100-\u{10ffff}]/u.test(value)) return value;
  try {
    return strictUtf8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

/** A parsed answer with every string (keys included) repaired. */
export function repairJson(value: unknown): unknown {
  if (typeof value === 'string') return repairString(value);
  if (Array.isArray(value)) return value.map(repairJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [repairString(k), repairJson(v)]));
  }
  return value;
}
