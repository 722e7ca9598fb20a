// Output helpers for the CLI: JSON for scripts (--json), short aligned text for people.

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

export function json(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

export function table(io: Io, rows: Record<string, unknown>[], columns: string[]): void {
  if (rows.length === 0) {
    io.out('(none)');
    return;
  }
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  io.out(line(columns));
  for (const r of rows) io.out(line(columns.map((c) => cell(r[c]))));
}

/** A failure the CLI reports as one line on stderr with exit code 2 (bad usage) or 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export function parseJsonOption(name: string, text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new CliError(`--${name} must be a JSON object, e.g. --${name} '{"key": "value"}'`);
  }
}
