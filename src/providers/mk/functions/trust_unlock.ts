import { PonteError } from '../../../contract/index.js';
import type { FunctionOutput } from '../../../contract/index.js';
import { text } from '../../kit/index.js';
import { plansOf, requirePlan } from '../contracts.js';
import { mkFunction } from '../connect.js';
import { requireCustomer } from '../customers.js';
import type { MkPlan } from '../mappers/plan.js';
import { SERVICES } from '../services.js';

type Output = FunctionOutput<'trust_unlock'>;

const refused = (message: string): Output => ({ success: false, message, unlocked_until: '', protocol: '' });

function pick(plans: MkPlan[]): MkPlan | Output {
  const blocked = plans.filter((p) => p.plan.blocked);
  if (blocked.length > 1) {
    const ids = blocked.map((p) => p.plan.contract_id).join(', ');
    throw new PonteError('INVALID_INPUT', `contract_id is required: contracts ${ids} are blocked`, {
      details: [{ path: 'contract_id', message: `required when several contracts are blocked (${ids})` }],
    });
  }
  return blocked[0] ?? refused('Nenhum contrato do cliente está bloqueado.');
}

/**
 * WSMKAutoDesbloqueio (or V2) for each blocked connection of the contract: MK unlocks per
 * connection and applies its own rules (one a month per connection, per one client). Its refusals
 * (`{status: "ERRO", mensagem}`) are success false with MK's message. MK answers no period and no
 * protocol, so unlocked_until and protocol are "".
 */
export const trustUnlock = mkFunction('trust_unlock', async (conn, input, call) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  const plans = await plansOf(conn, customer, call);
  const chosen = input.contract_id === undefined ? pick(plans) : requirePlan(plans, input.contract_id);
  if ('success' in chosen) return chosen;
  const targets = chosen.connections.filter((c) => c.blocked);
  if (targets.length === 0) return refused('O contrato não está bloqueado.');
  const service = conn.settings.trust_unlock_v2 ? SERVICES.autoDesbloqueioV2 : SERVICES.autoDesbloqueio;
  const days = conn.settings.trust_unlock_days;
  const messages: string[] = [];
  let unlocked = 0;
  for (const target of targets) {
    const answer = await conn.client.call(service, { cd_conexao: target.id, diasexcecao: days }, call, {
      write: true,
    });
    if (answer.error === null) {
      unlocked++;
      messages.push(`Conexão ${target.id} desbloqueada.`);
    } else {
      messages.push(answer.error.message || `MK refused the unlock of connection ${target.id}`);
    }
  }
  const message = messages.join(' ');
  if (unlocked === 0) return refused(text(message));
  return { success: true, message, unlocked_until: '', protocol: '' };
});
