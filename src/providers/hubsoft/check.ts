// `ponte check` for a Hubsoft tenant: proves the credentials work (a token is issued), lists from
// the ISP's own Hubsoft the ids an operator picks for the settings, flags configured ids that
// Hubsoft does not know, and names every setting a function needs and lacks with the functions it
// blocks (the gateway's rule, src/providers/readiness.ts).
import { PonteError } from '../../contract/index.js';
import type { FunctionName } from '../../contract/index.js';
import { text } from '../kit/edge.js';
import { missingSettings } from '../readiness.js';
import type { AnyProvider, CallContext, CheckChoice, CheckReport } from '../types.js';
import type { HubsoftConnection } from './connection.js';

interface ListSpec {
  setting: string;
  route: string;
  key: string;
  id: string;
  label: (row: Record<string, unknown>) => string;
}

const LISTS: ListSpec[] = [
  {
    setting: 'caixa_financeiro_id',
    route: 'configuracao/caixa_financeiro',
    key: 'caixas_financeiro',
    id: 'id_caixa_financeiro',
    label: (r) => text(r.descricao),
  },
  {
    setting: 'meios_pagamento',
    route: 'configuracao/meio_pagamento',
    key: 'meios_pagamento',
    id: 'prefixo',
    label: (r) => text(r.descricao),
  },
  {
    setting: 'tipo_atendimento_id',
    route: 'configuracao/tipo_atendimento',
    key: 'tipos_atendimento',
    id: 'id_tipo_atendimento',
    label: (r) => text(r.descricao),
  },
  {
    setting: 'lead_crm_id',
    route: 'crm/all',
    key: 'crms',
    id: 'id_crm',
    label: (r) => text(r.nome),
  },
  {
    setting: 'lead_service_id',
    route: 'configuracao/servico',
    key: 'servicos',
    id: 'id_servico',
    label: (r) => text(r.descricao),
  },
  {
    setting: 'empresa_documento',
    route: 'configuracao/empresa',
    key: 'empresas',
    id: 'cnpj',
    label: (r) => text(r.nome_razaosocial),
  },
];

async function choicesOf(conn: HubsoftConnection, spec: ListSpec, call: CallContext): Promise<CheckChoice[]> {
  const rows = await conn.client.readList(spec.route, spec.key, {}, call);
  return rows.flatMap((r) => {
    const id = text(r[spec.id]);
    return id === '' ? [] : [{ id, label: spec.label(r) }];
  });
}

/** Configured values that are not among Hubsoft's choices, as messages. */
function unknownValues(conn: HubsoftConnection, choices: Record<string, CheckChoice[]>): string[] {
  const s = conn.settings;
  const has = (setting: string, value: string) => (choices[setting] ?? []).some((c) => c.id === value);
  const problems: string[] = [];
  const single: [string, number | string | undefined][] = [
    ['caixa_financeiro_id', s.caixa_financeiro_id],
    ['tipo_atendimento_id', s.tipo_atendimento_id],
    ['order_ticket_tipo_atendimento_id', s.order_ticket_tipo_atendimento_id],
    ['lead_crm_id', s.lead_crm_id],
    ['lead_service_id', s.lead_service_id],
    ['empresa_documento', s.empresa_documento],
  ];
  for (const [setting, value] of single) {
    const list = setting === 'order_ticket_tipo_atendimento_id' ? 'tipo_atendimento_id' : setting;
    if (value !== undefined && !has(list, String(value)))
      problems.push(`${setting} ${value} is not known to Hubsoft`);
  }
  for (const [method, prefix] of Object.entries(s.meios_pagamento)) {
    if (!has('meios_pagamento', prefix))
      problems.push(`meios_pagamento.${method} '${prefix}' is not a meio de pagamento in Hubsoft`);
  }
  for (const [subject, id] of Object.entries(s.ticket_subjects)) {
    if (!has('tipo_atendimento_id', String(id)))
      problems.push(`ticket_subjects.${subject} ${id} is not a tipo de atendimento in Hubsoft`);
  }
  return problems;
}

/**
 * "caixa_financeiro_id is not set: settle_bill cannot run until it is", one line per missing
 * setting, from the functions' `needs` and the settings the tenant's options make necessary.
 */
export function unreadySettings(provider: AnyProvider, conn: HubsoftConnection): string[] {
  const settings = conn.settings as unknown as Record<string, unknown>;
  const blocked = new Map<string, string[]>();
  const block = (setting: string, fn: string) => blocked.set(setting, [...(blocked.get(setting) ?? []), fn]);
  for (const fn of Object.keys(provider.functions) as FunctionName[]) {
    for (const setting of missingSettings(provider, fn, settings)) block(setting, fn);
  }
  // Needed in one mode only (create_order_existing_customer checks it when it runs).
  if (conn.options.existing_customer_order_mode === 'lead' && conn.settings.lead_crm_id === undefined) {
    block('lead_crm_id', 'create_order_existing_customer (existing_customer_order_mode "lead")');
  }
  return [...blocked].map(
    ([setting, fns]) =>
      `${setting} is not set: ${fns.join(', ')} cannot run until it is ('ponte check' lists the choices)`,
  );
}

export async function checkHubsoft(
  provider: AnyProvider,
  conn: HubsoftConnection,
  call: CallContext,
): Promise<CheckReport> {
  const unready = unreadySettings(provider, conn);
  try {
    const token = await conn.client.token(call);
    const days = Math.round((token.expiresAt - Date.now()) / 86_400_000);
    const lists = await Promise.all(LISTS.map((spec) => choicesOf(conn, spec, call)));
    const choices = Object.fromEntries(LISTS.map((spec, i) => [spec.setting, lists[i]!]));
    const problems = [...unknownValues(conn, choices), ...unready];
    const counts = LISTS.map((spec, i) => `${lists[i]!.length} ${spec.route.split('/').pop()}`).join(', ');
    return {
      ok: problems.length === 0,
      messages: [`credentials accepted (token valid for about ${days} days)`, `found ${counts}`, ...problems],
      choices,
    };
  } catch (error) {
    if (!(error instanceof PonteError)) throw error;
    return { ok: false, messages: [error.message, ...unready], choices: {} };
  }
}
