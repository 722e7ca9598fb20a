// HTTP plumbing the ERP simulators share: reading a request's body, writing an answer with its
// length, listening on a port and closing with every connection. What a body means (JSON, form,
// multipart) and how errors look stay with each ERP.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The request's body, all of it. */
export async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The request's body as UTF-8 text. */
export async function readText(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

/** Writes a whole answer with its content type and length. */
export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** Listens on `host:port` (port 0 picks a free one); rejects when the port cannot be taken. */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

/** `http://host:port`, an IPv6 host in brackets. */
export const urlOf = (host: string, port: number) =>
  `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Listens on the options' host and port (127.0.0.1 and a free port by default). */
export async function startListening(
  server: Server,
  options: { port?: number; host?: string },
  also: Iterable<{ destroy(): unknown }> = [],
): Promise<{ url: string; close: () => Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const address = await listen(server, options.port ?? 0, host);
  return { url: urlOf(host, address.port), close: () => closeServer(server, also) };
}

/** Closes the server, ending its connections (and anything else given, e.g. held answers) at once. */
export function closeServer(server: Server, also: Iterable<{ destroy(): unknown }> = []): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    for (const s of also) s.destroy();
    server.close(() => resolve());
  });
}
