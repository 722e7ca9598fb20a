// `ponte check <tenant>` for IXC: proves the token works (a listing is accepted), then lists the
// values an operator picks the tenant's ids from, and flags a configured id IXC does not have.
import { PonteError } from '../../contract/index.js';
import type { CallContext, CheckChoice, CheckReport } from '../types.js';
import type { IxcRow } from './client.js';
import type { IxcConnection } from './connection.js';
import type { IdSetting } from './settings.js';

interface Source {
  setting: IdSetting | 'due_day_contract_types';
  table: string;
  label: (row: IxcRow) => string;
  active?: (row: IxcRow) => boolean;
  neededBy: string;
}

const SOURCES: Source[] = [
  {
    setting: 'branch_id',
    table: 'filial',
    label: (r) => r.fantasia || r.razao || '',
    neededBy: 'create_order, settle_bill',
  },
  {
    setting: 'cash_account_id',
    table: 'contas',
    label: (r) => r.conta ?? '',
    active: (r) => r.ativo !== 'N',
    neededBy: 'settle_bill',
  },
  {
    setting: 'billing_wallet_id',
    table: 'fn_carteira_cobranca',
    label: (r) => r.descricao ?? '',
    active: (r) => r.ativo !== 'N',
    neededBy: 'create_order',
  },
  {
    setting: 'due_day_contract_types',
    table: 'cliente_contrato_tipo',
    label: (r) => r.tipo_contrato ?? '',
    active: (r) => r.ativo !== 'N',
    neededBy: 'list_due_dates, create_order',
  },
  {
    setting: 'contract_model_id',
    table: 'cliente_contrato_modelo',
    label: (r) => r.descricao ?? '',
    active: (r) => r.ativo !== 'N',
    neededBy: 'create_order',
  },
  {
    setting: 'seller_id',
    table: 'vendedor',
    label: (r) => r.nome ?? '',
    active: (r) => r.status === 'A',
    neededBy: 'create_order',
  },
  {
    setting: 'ticket_subject_id',
    table: 'su_oss_assunto',
    label: (r) => r.assunto ?? '',
    active: (r) => r.ativo !== 'N',
    neededBy: 'create_ticket',
  },
  {
    setting: 'ticket_department_id',
    table: 'su_ticket_setor',
    label: (r) => r.setor ?? '',
    active: (r) => r.ativo !== 'N',
    neededBy: 'create_ticket',
  },
];

function configured(conn: IxcConnection, setting: Source['setting']): string[] {
  if (setting === 'due_day_contract_types') return Object.values(conn.settings.due_day_contract_types);
  const value = conn.settings[setting];
  return value === undefined ? [] : [value];
}

export async function checkIxc(conn: IxcConnection, call: CallContext): Promise<CheckReport> {
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
    if (chosen.length === 0)
      messages.push(
        `${source.setting} is not set (needed by ${source.neededBy}): pick one of ${usable.length} ${source.table} rows`,
      );
    for (const id of chosen) {
      if (!usable.some((r) => r.id === id)) {
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
  return { ok, messages, choices };
}
