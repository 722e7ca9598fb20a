// trust_unlock: asks Hubsoft for a desbloqueio em confiança (cliente/desbloqueio_confianca).
// Hubsoft applies the ISP's own rules (days allowed, how often) and its refusals come back as
// success: false with Hubsoft's message. Hubsoft gives no protocol for it.
import { PonteError } from '../../../contract/index.js';
import type { FunctionOutput } from '../../../contract/index.js';
import { text } from '../../kit/edge.js';
import { hubsoftFunction } from '../connection.js';
import { requireCustomer, requireService, servicesOf } from '../customers.js';
import { planState, unlockedUntil } from '../mappers/plans.js';
import type { HubsoftService } from '../types.js';

type Output = FunctionOutput<'trust_unlock'>;

function refused(message: string): Output {
  return { success: false, message, unlocked_until: '', protocol: '' };
}

/** The cliente's only blocked service, or the refusal to give. */
function pick(services: HubsoftService[]): HubsoftService | Output {
  const blocked = services.filter((s) => planState(text(s.status_prefixo)).blocked);
  if (blocked.length > 1) {
    const ids = blocked.map((s) => text(s.id_cliente_servico)).join(', ');
    throw new PonteError('INVALID_INPUT', `contract_id is required: services ${ids} are blocked`, {
      details: [{ path: 'contract_id', message: `required when several services are blocked (${ids})` }],
    });
  }
  return blocked[0] ?? refused('Nenhum serviço do cliente está suspenso por débito.');
}

export const trustUnlock = hubsoftFunction('trust_unlock', async (conn, input, call) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  const chosen =
    input.contract_id === undefined
      ? pick(servicesOf(customer))
      : requireService(customer, input.contract_id);
  if ('success' in chosen) return chosen;
  const days = conn.settings.trust_unlock_days;
  const answer = await conn.client.write(
    'POST',
    'cliente/desbloqueio_confianca',
    {
      id_cliente_servico: Number(text(chosen.id_cliente_servico)),
      ...(days === undefined ? {} : { dias_desbloqueio: days }),
    },
    call,
  );
  if (!answer.ok)
    return refused(answer.message || `Hubsoft refused the trust unlock (HTTP ${answer.status})`);
  return {
    success: true,
    message: answer.message,
    unlocked_until: unlockedUntil(answer.message),
    protocol: '',
  };
});
