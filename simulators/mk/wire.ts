// How MK's servlet puts JSON on the wire (clients.md §3, §5.2): the Content-Type says ISO-8859-1,
// but every non-ASCII character is first encoded as UTF-8 and then each of its bytes is written
// as a \u00XX escape. "É" (UTF-8 C3 89) becomes \u00C3\u0089: a client that trusts the escapes
// reads "Ã" plus a C1 control character. The `raw-utf8` fault sends plain UTF-8 bytes instead,
// still declared ISO-8859-1 (a client that trusts the header reads mojibake).

export const MK_CONTENT_TYPE = 'application/json;charset=ISO-8859-1';

function escapeBytes(char: string): string {
  return [...Buffer.from(char, 'utf8')]
    .map((byte) => `\\u00${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/** The bytes MK sends for `value`. */
export function mkJson(value: unknown, options: { rawUtf8?: boolean } = {}): Buffer {
  const json = JSON.stringify(value);
  if (options.rawUtf8 === true) return Buffer.from(json, 'utf8');
  return Buffer.from(json.replace(/[^\p{ASCII}]/gu, escapeBytes), 'latin1');
}
