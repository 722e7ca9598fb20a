// `ponte check` for an MK tenant: proves the webservice profile (a session token is issued for the
// profile token and contra-senha), lists which services the profile authorizes and, per supported
// function, whether it is ready (a function whose service is not authorized is "not ready"), and
// lists the process and classification codes atendimentos need, flagging configured codes MK
// does not know.
import { PonteError } from '../../contract/index.js';
import type { FunctionName } from '../../contract/index.js';
import { text } from '../kit/index.js';
import type { CallContext, CheckChoice, CheckReport } from '../kit/index.js';
import type { MkConnection } from './connect.js';
import { authorizes, OPTIONAL_SERVICES_OF, SERVICES, SERVICES_OF } from './services.js';
import type { MkService } from './services.js';

async function choices(
  conn: MkConnection,
  service: MkService,
  key: string,
  id: string,
  label: string,
  call: CallContext,
): Promise<CheckChoice[]> {
  const body = await conn.client.read(service, {}, call);
  const list = body[key];
  if (!Array.isArray(list)) return [];
  return (list as Record<string, unknown>[]).flatMap((r) => {
    const code = text(r[id]);
    return code === '' ? [] : [{ id: code, label: text(r[label]) }];
  });
}

function readiness(
  services: number[],
  settingsProblems: Map<FunctionName, string>,
): { lines: string[]; notReady: number } {
  const lines: string[] = [];
  let notReady = 0;
  for (const [fn, needed] of Object.entries(SERVICES_OF) as [FunctionName, readonly MkService[]][]) {
    const missing = needed.filter((s) => !authorizes(services, s));
    const unknown = services.includes(9999) ? [] : needed.filter((s) => s.code === null);
    const setting = settingsProblems.get(fn);
    if (missing.length > 0 || setting !== undefined) {
      notReady++;
      const why = [
        ...missing.map((s) => `${s.name} (cd_servico ${s.code}) is not authorized`),
        ...(setting === undefined ? [] : [setting]),
      ];
      lines.push(`${fn}: not ready — ${why.join('; ')}`);
    } else if (unknown.length > 0) {
      lines.push(
        `${fn}: ready, unless MK refuses ${unknown.map((s) => s.name).join(', ')} (no cd_servico known to check)`,
      );
    } else {
      const without = (OPTIONAL_SERVICES_OF[fn] ?? []).filter((s) => !authorizes(services, s));
      lines.push(
        without.length === 0
          ? `${fn}: ready`
          : `${fn}: ready, without ${without.map((s) => `${s.name} (cd_servico ${s.code})`).join(', ')}: those fields stay empty`,
      );
    }
  }
  return { lines, notReady };
}

export async function checkMk(conn: MkConnection, call: CallContext): Promise<CheckReport> {
  try {
    const token = await conn.client.token(call);
    const messages = [
      `webservice profile accepted: session token valid until ${new Date(token.expiresAt).toISOString()}`,
      `services authorized: ${token.services.includes(9999) ? 'all (9999)' : token.services.join(', ') || 'none'}`,
    ];
    const found: Record<string, CheckChoice[]> = {};
    const problems: string[] = [];
    if (authorizes(token.services, SERVICES.processos)) {
      found.ticket_process_id = await choices(
        conn,
        SERVICES.processos,
        'processos',
        'codprocesso',
        'nome_processo',
        call,
      );
    }
    if (authorizes(token.services, SERVICES.classificacoes)) {
      found.ticket_classification_id = await choices(
        conn,
        SERVICES.classificacoes,
        'ClassificacoesAtendimento',
        'codigo',
        'descricao',
        call,
      );
    }
    const s = conn.settings;
    const known = (list: string, value: string | undefined) =>
      value === undefined || found[list] === undefined || found[list].some((c) => c.id === value);
    for (const [setting, list, value] of [
      ['ticket_process_id', 'ticket_process_id', s.ticket_process_id],
      ['order_ticket_process_id', 'ticket_process_id', s.order_ticket_process_id],
      ['ticket_classification_id', 'ticket_classification_id', s.ticket_classification_id],
      ['order_ticket_classification_id', 'ticket_classification_id', s.order_ticket_classification_id],
    ] as const) {
      if (!known(list, value)) problems.push(`${setting} ${value} is not known to MK`);
    }
    const settingsProblems = new Map<FunctionName, string>();
    if (s.ticket_process_id === undefined || s.ticket_classification_id === undefined) {
      settingsProblems.set('create_ticket', "set 'ticket_process_id' and 'ticket_classification_id'");
    }
    if (
      (s.order_ticket_process_id ?? s.ticket_process_id) === undefined ||
      (s.order_ticket_classification_id ?? s.ticket_classification_id) === undefined
    ) {
      settingsProblems.set(
        'create_order_existing_customer',
        "set 'order_ticket_process_id' (or 'ticket_process_id') and 'ticket_classification_id'",
      );
    }
    if (!s.apis_especiais) {
      settingsProblems.set('create_order', "'apis_especiais' is false (MK's paid APIs especiais)");
      settingsProblems.set('create_lead', "'apis_especiais' is false (MK's paid APIs especiais)");
    } else if (s.lead_customer_id === undefined) {
      messages.push("create_lead: leads of people who are not MK customers need 'lead_customer_id'");
    }
    const ready = readiness(token.services, settingsProblems);
    return {
      ok: problems.length === 0 && ready.notReady === 0,
      messages: [...messages, ...ready.lines, ...problems],
      choices: found,
    };
  } catch (error) {
    if (!(error instanceof PonteError)) throw error;
    return { ok: false, messages: [error.message], choices: {} };
  }
}
