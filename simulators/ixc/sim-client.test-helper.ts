// A bare HTTP client of the simulator for its own tests: any body and content type, the answer
// as status, text and parsed JSON.
import type { IxcSimulator } from './server.js';

export interface SimAnswer {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
  json: any;
  type: string;
}

export function simClient(sim: () => IxcSimulator, token: string) {
  const auth = `Basic ${Buffer.from(token).toString('base64')}`;
  async function send(
    resource: string,
    body: string,
    contentType: string,
    headers: Record<string, string> = {},
    method = 'POST',
  ): Promise<SimAnswer> {
    const res = await fetch(`${sim().baseUrl}/${resource}`, {
      method,
      headers: { authorization: auth, 'content-type': contentType, ...headers },
      body,
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json, type: res.headers.get('content-type') ?? '' };
  }
  const post = (resource: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
    send(resource, JSON.stringify(body), 'application/json', headers, method);
  return { auth, send, post };
}
