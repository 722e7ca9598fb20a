// `ponte check <tenant>` for SGP: proves token + app work (consultacliente with a document no one
// has, as SGP's own install scripts do: `{"contratos": []}` is the answer of a working token), then
// lists the ids an operator picks the settings from and flags configured ids SGP does not have.
import { PonteError } from '../../contract/index.js';
import { text } from '../kit/index.js';
import type { CallContext, CheckChoice, CheckReport } from '../kit/index.js';
import type { SgpConnection } from './client.js';
import type { SgpIdSetting } from './settings.js';

interface Source {
  /** The setting the ids are for, or a name for lists that are reference only. */
  setting: SgpIdSetting | 'plano_id' | 'vencimento_id';
  method: 'GET' | 'POST';
  path: string;
  label: (row: Record<string, unknown>) => string;
  id?: (row: Record<string, unknown>) => string;
  neededBy: string;
}

const SOURCES: Source[] = [
  {
    setting: 'pop_id',
    method: 'POST',
    path: '/api/ura/pops/',
    label: (r) => text(r.pop) || text(r.descricao),
    neededBy: 'create_order (crm)',
  },
  {
    setting: 'portador_id',
    method: 'GET',
    path: '/api/ura/portador/',
    label: (r) => text(r.descricao),
    neededBy: 'create_order (crm)',
  },
  {
    setting: 'ponto_recebimento_id',
    method: 'POST',
    path: '/api/ura/pontosrecebimentos/',
    label: (r) => text(r.ponto_recebimento),
    neededBy: 'settle_bill',
  },
  {
    setting: 'ticket_type_id',
    method: 'GET',
    path: '/api/os/ocorrencia/tipo/list/',
    label: (r) => text(r.descricao),
    neededBy: 'create_ticket',
  },
  {
    setting: 'order_ticket_type_id',
    method: 'GET',
    path: '/api/os/ocorrencia/tipo/list/',
    label: (r) => text(r.descricao),
    neededBy: 'create_order_existing_customer (ticket)',
  },
  {
    setting: 'vendedor_id',
    method: 'POST',
    path: '/api/precadastro/vendedor/list',
    label: (r) => text(r.nome),
    neededBy: 'create_order',
  },
  {
    setting: 'plano_id',
    method: 'POST',
    path: '/api/precadastro/plano/list',
    label: (r) => text(r.descricao),
    neededBy: 'list_products',
  },
  {
    setting: 'vencimento_id',
    method: 'POST',
    path: '/api/precadastro/vencimento/list',
    label: (r) => `dia ${text(r.dia)}`,
    neededBy: 'list_due_dates',
  },
];

export async function checkSgp(conn: SgpConnection, call: CallContext): Promise<CheckReport> {
  const messages: string[] = [];
  const choices: Record<string, CheckChoice[]> = {};
  let ok = true;
  try {
    const probe = await conn.client.post('/api/ura/consultacliente/', { cpfcnpj: '00000000000' }, call, {
      read: true,
    });
    if (!Array.isArray((probe.body as { contratos?: unknown } | null)?.contratos)) {
      return {
        ok: false,
        messages: [`SGP answered the credential probe unexpectedly: ${probe.raw.slice(0, 120)}`],
        choices,
      };
    }
    messages.push('token and app accepted (consultacliente answered)');
  } catch (error) {
    const message = error instanceof PonteError ? error.message : String(error);
    return { ok: false, messages: [`token and app not accepted: ${message}`], choices };
  }
  const cache = new Map<string, Promise<Record<string, unknown>[]>>();
  for (const source of SOURCES) {
    const key = `${source.method} ${source.path}`;
    if (!cache.has(key)) {
      const read = (
        source.method === 'GET'
          ? conn.client.get(source.path, {}, call, { read: true })
          : conn.client.post(source.path, {}, call, { read: true })
      ).then((a) => (Array.isArray(a.body) ? (a.body as Record<string, unknown>[]) : []));
      cache.set(key, read);
    }
    let rows: Record<string, unknown>[];
    try {
      rows = await cache.get(key)!;
    } catch (error) {
      messages.push(
        `${source.setting}: ${source.path} could not be read (${(error as Error).message}); needed by ${source.neededBy}`,
      );
      continue;
    }
    const list = rows
      .map((r) => ({ id: source.id?.(r) ?? text(r.id), label: source.label(r) }))
      .filter((c) => c.id !== '');
    choices[source.setting] = list;
    messages.push(`${source.setting}: ${list.length} found in SGP (${source.neededBy})`);
    const configured = (conn.settings as Record<string, unknown>)[source.setting];
    if (typeof configured === 'string' && !list.some((c) => c.id === configured)) {
      ok = false;
      messages.push(`${source.setting} ${configured} is not in SGP: pick one of the ids listed`);
    }
  }
  if (conn.options.commercial_origins.length === 0) {
    messages.push(
      'commercial_origins is empty: SGP has no list of midia ids, set them in the tenant options',
    );
  }
  return { ok, messages, choices };
}
