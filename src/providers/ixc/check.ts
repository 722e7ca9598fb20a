// `ponte check <tenant>` for IXC: proves the token works (a listing is accepted), lists the values
// an operator picks the tenant's ids from, flags a configured id IXC does not have, and names every
// setting a function needs and lacks with the functions it blocks (the gateway's rule,
// src/providers/readiness.ts); any of those makes the check fail.
import { PonteError } from '../../contract/index.js';
import type { FunctionName } from '../../contract/index.js';
import { missingSettings } from '../readiness.js';
import type { AnyProvider, CallContext, CheckChoice, CheckReport } from '../types.js';
import type { IxcRow } from './client.js';
import type { IxcConnection } from './connection.js';
import type { IdSetting } from './settings.js';
import { workflowOf } from './tickets.js';

interface Source {
  setting: IdSetting | 'due_day_contract_types';
  table: string;
  label: (row: IxcRow) => string;
  active?: (row: IxcRow) => boolean;
  /** A note on a chosen row that works but may not do what the ISP expects. */
  note?: (row: IxcRow) => string | null;
}

const SOURCES: Source[] = [
  {
    setting: 'branch_id',
    table: 'filial',
    label: (r) => r.fantasia || r.razao || '',
  },
  {
    setting: 'cash_account_id',
    table: 'contas',
    label: (r) => r.conta ?? '',
    active: (r) => r.ativo !== 'N',
  },
  {
    setting: 'billing_wallet_id',
    table: 'fn_carteira_cobranca',
    label: (r) => r.descricao ?? '',
    active: (r) => r.ativo !== 'N',
  },
  {
    setting: 'due_day_contract_types',
    table: 'cliente_contrato_tipo',
    label: (r) => r.tipo_contrato ?? '',
    active: (r) => r.ativo !== 'N',
  },
  {
    setting: 'contract_model_id',
    table: 'cliente_contrato_modelo',
    label: (r) => r.descricao ?? '',
    active: (r) => r.ativo !== 'N',
  },
  {
    setting: 'seller_id',
    table: 'vendedor',
    label: (r) => r.nome ?? '',
    active: (r) => r.status === 'A',
  },
  {
    setting: 'ticket_subject_id',
    table: 'su_oss_assunto',
    label: (r) => r.assunto ?? '',
    active: (r) => r.ativo !== 'N',
    note: (r) =>
      workflowOf(r) === ''
        ? `ticket_subject_id: subject ${r.id} has no linked workflow process in IXC; tickets open without one`
        : null,
  },
  {
    setting: 'ticket_department_id',
    table: 'su_ticket_setor',
    label: (r) => r.setor ?? '',
    active: (r) => r.ativo !== 'N',
  },
];

function configured(conn: IxcConnection, setting: Source['setting']): string[] {
  if (setting === 'due_day_contract_types') return Object.values(conn.settings.due_day_contract_types);
  const value = conn.settings[setting];
  return value === undefined ? [] : [value];
}

/** Settings a mode of the tenant makes necessary, beyond what the functions declare. */
function modeNeeds(conn: IxcConnection): [IdSetting, string][] {
  const needs: [IdSetting, string][] = [];
  if (conn.settings.order_mode === 'contract') {
    for (const s of ['branch_id', 'contract_model_id', 'document_type_id', 'billing_wallet_id'] as const)
      needs.push([s, 'create_order (order_mode "contract")']);
    needs.push(['seller_id', 'create_order (order_mode "contract", orders without reseller_code)']);
  }
  const existing = conn.options.existing_customer_order_mode;
  const fn = `create_order_existing_customer (existing_customer_order_mode "${existing}")`;
  if (existing === 'contract') {
    for (const s of [
      'branch_id',
      'contract_model_id',
      'document_type_id',
      'billing_wallet_id',
      'seller_id',
    ] as const)
      needs.push([s, fn]);
  } else if (existing !== 'lead') {
    needs.push(['ticket_subject_id', fn], ['ticket_department_id', fn]);
  }
  return needs;
}

/**
 * "cash_account_id is not set: settle_bill cannot run until it is", one line per missing setting,
 * from the functions' `needs` and the settings the tenant's modes make necessary.
 */
export function unreadySettings(provider: AnyProvider, conn: IxcConnection): string[] {
  const settings = conn.settings as unknown as Record<string, unknown>;
  const blocked = new Map<string, string[]>();
  const block = (setting: string, fn: string) => blocked.set(setting, [...(blocked.get(setting) ?? []), fn]);
  for (const fn of Object.keys(provider.functions) as FunctionName[]) {
    for (const setting of missingSettings(provider, fn, settings)) block(setting, fn);
  }
  for (const [setting, fn] of modeNeeds(conn)) if (conn.settings[setting] === undefined) block(setting, fn);
  return [...blocked].map(
    ([setting, fns]) => `${setting} is not set: ${fns.join(', ')} cannot run until it is`,
  );
}

export async function checkIxc(
  provider: AnyProvider,
  conn: IxcConnection,
  call: CallContext,
): Promise<CheckReport> {
  const messages: string[] = [];
  const choices: Record<string, CheckChoice[]> = {};
  let ok = true;
  for (const [index, source] of SOURCES.entries()) {
    let rows: IxcRow[];
    try {
      rows = await conn.client.list(source.table, [], call);
    } catch (error) {
      if (!(error instanceof PonteError)) throw error;
      // The first listing proves (or disproves) the URL, the token and the IP allow list.
      if (index === 0)
        return { ok: false, messages: [`IXC at ${conn.settings.base_url}: ${error.message}`], choices: {} };
      messages.push(
        `${source.table} could not be listed (${error.message}); ${source.setting} cannot be checked`,
      );
      continue;
    }
    if (index === 0) messages.push(`credentials accepted by IXC at ${conn.settings.base_url}`);
    const usable = rows.filter((r) => source.active?.(r) ?? true);
    choices[source.setting] = usable.map((r) => ({ id: r.id ?? '', label: source.label(r) }));
    const chosen = configured(conn, source.setting);
    for (const id of chosen) {
      const row = usable.find((r) => r.id === id);
      const note = row === undefined ? null : (source.note?.(row) ?? null);
      if (note !== null) messages.push(note);
      if (row === undefined) {
        ok = false;
        messages.push(`${source.setting}: ${id} is not an active ${source.table} row in IXC`);
      }
    }
  }
  try {
    const products = await conn.client.list('vd_contratos', [{ column: 'Ativo', value: 'S' }], call);
    messages.push(`${products.length} active sale plans (list_products)`);
  } catch (error) {
    if (!(error instanceof PonteError)) throw error;
    messages.push(`vd_contratos could not be listed: ${error.message}`);
  }
  if (conn.options.commercial_origins.length === 0) {
    messages.push(
      'IXC has no list of commercial origins: set the tenant option commercial_origins to offer some',
    );
  }
  const unready = unreadySettings(provider, conn);
  return { ok: ok && unready.length === 0, messages: [...messages, ...unready], choices };
}
