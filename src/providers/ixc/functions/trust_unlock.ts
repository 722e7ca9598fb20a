import { addDays } from '../../../brasil/dates.js';
import { PonteError } from '../../../contract/index.js';
import type { FunctionOutput } from '../../../contract/index.js';
import { ixcFunction, today } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { dateInMessage, trustUnlockVerdict } from '../mappers/trust-unlock.js';
import { plansOf } from '../plans.js';

type Output = FunctionOutput<'trust_unlock'>;

const refused = (message: string): Output => ({ success: false, message, unlocked_until: '', protocol: '' });

/**
 * desbloqueio_confianca on the contract named, or on the customer's only blocked one (several
 * blocked -> INVALID_INPUT naming contract_id; none -> refusal without calling IXC). IXC applies
 * its own rules and answers an object or a list depending on its release; both are read
 * (trustUnlockVerdict). unlocked_until: the date in IXC's message, else today + the tenant's
 * trust_unlock_days, else "".
 */
export const trustUnlock = ixcFunction('trust_unlock', async (conn, input, call): Promise<Output> => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  const { plans } = await plansOf(conn, row, call);
  let contractId: string;
  if (input.contract_id !== undefined) {
    if (!plans.some((p) => p.contract_id === input.contract_id)) {
      throw new PonteError(
        'CONTRACT_NOT_FOUND',
        `IXC has no contract ${input.contract_id} for this customer`,
      );
    }
    contractId = input.contract_id;
  } else {
    const blocked = plans.filter((p) => p.blocked);
    if (blocked.length > 1) {
      const ids = blocked.map((p) => p.contract_id).join(', ');
      throw new PonteError('INVALID_INPUT', `contract_id is required: contracts ${ids} are blocked`, {
        details: [{ path: 'contract_id', message: `required when several contracts are blocked (${ids})` }],
      });
    }
    if (blocked[0] === undefined) return refused('Nenhum contrato bloqueado para este cliente.');
    contractId = blocked[0].contract_id;
  }
  const answer = await conn.client.action('desbloqueio_confianca', { id: contractId }, call, false);
  const { verdict, message } = trustUnlockVerdict(answer.value);
  if (verdict === 'not_found')
    throw new PonteError('CONTRACT_NOT_FOUND', `IXC does not know contract ${contractId}`);
  if (verdict === 'refused') return refused(message || 'O IXC recusou o desbloqueio de confiança.');
  const days = conn.settings.trust_unlock_days;
  const until = dateInMessage(message) || (days === undefined ? '' : addDays(today(call), days));
  const item: unknown = Array.isArray(answer.value) ? answer.value[0] : answer.value;
  const protocol =
    item !== null && typeof item === 'object' ? (item as Record<string, unknown>).protocolo : undefined;
  return {
    success: true,
    message: message || 'Desbloqueio de confiança efetuado.',
    unlocked_until: until,
    protocol: typeof protocol === 'string' || typeof protocol === 'number' ? String(protocol) : '',
  };
});
