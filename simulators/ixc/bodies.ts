// Request bodies as IXC reads them: JSON (what most clients send), form-encoded and multipart
// (what IXC's own PHP WebserviceClient sends for listings and inserts). Each gives the same flat
// object of fields; a body that is none of them is null (IXC answers its HTML error).

/** `name="field"` parts of a multipart/form-data body; files are ignored. */
function multipart(raw: string, contentType: string): Record<string, string> | null {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (boundary === undefined) return null;
  const out: Record<string, string> = {};
  for (const part of raw.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined || /\bfilename=/i.test(head)) continue;
    out[name] = part.slice(split + 4).replace(/\r\n$/, '');
  }
  return out;
}

/** The body's fields, or null when it cannot be read. An empty body is no fields. */
export function parseBody(raw: string, contentType: string): Record<string, unknown> | null {
  if (raw.trim() === '') return {};
  const type = contentType.toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  if (type.startsWith('multipart/form-data')) return multipart(raw, contentType);
  try {
    const body: unknown = JSON.parse(raw);
    return body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  } catch {
    return null;
  }
}
