// The text of an atendimento (`info`) as MK will store it: MK turns accents into HTML entities
// before a varchar(300) column (clients.md §3), so a long text is cut by Ponte first, at a
// character boundary, so that the entity-encoded form fits.
const LIMIT = 300;
const ELLIPSIS = '...';

const storedLength = (c: string) => (/[^\p{ASCII}]/u.test(c) ? `&#${c.codePointAt(0)!};`.length : 1);

/** `value` cut so that MK's entity-encoded form fits 300 characters ("..." marks a cut). */
export function fitInfo(value: string): string {
  const chars = [...value];
  const total = chars.reduce((n, c) => n + storedLength(c), 0);
  if (total <= LIMIT) return value;
  let used = ELLIPSIS.length;
  let out = '';
  for (const c of chars) {
    used += storedLength(c);
    if (used > LIMIT) break;
    out += c;
  }
  return out.trimEnd() + ELLIPSIS;
}
