import { addDays } from '../../../brasil/dates.js';
import { PonteError } from '../../../contract/index.js';
import { formatDateBR } from '../../../render/text.js';
import type { FunctionOutput } from '../../../contract/index.js';
import { protocolFor, rowId } from '../records.js';
import { requireCustomer } from '../customers.js';
import { writeFunction } from '../declare.js';
import { effectiveStatus, nextUnlockDay, unlockUsedThisPeriod } from '../mappers/plans.js';
import type { PlanRow } from '../rows.js';

type Output = FunctionOutput<'trust_unlock'>;

function refused(message: string): Output {
  return { success: false, message, unlocked_until: '', protocol: '' };
}

function alreadyReleased(plan: PlanRow): Output {
  return refused(
    `Contrato ${plan.id} já está desbloqueado em confiança até ${formatDateBR(plan.unlocked_until!)}.`,
  );
}

/** The contract meant: the one named, else the customer's only blocked one; or the refusal to give. */
function pickContract(plans: PlanRow[], contractId: string | undefined, today: string): PlanRow | Output {
  if (contractId !== undefined) {
    const named = plans.find((p) => p.id === rowId(contractId));
    if (named === undefined) {
      throw new PonteError(
        'CONTRACT_NOT_FOUND',
        `The sandbox has no contract ${contractId} for this customer`,
      );
    }
    return named;
  }
  const blocked = plans.filter((p) => effectiveStatus(p, today) === 'blocked');
  if (blocked.length > 1) {
    const ids = blocked.map((p) => p.id).join(', ');
    throw new PonteError('INVALID_INPUT', `contract_id is required: contracts ${ids} are blocked`, {
      details: [{ path: 'contract_id', message: `required when several contracts are blocked (${ids})` }],
    });
  }
  if (blocked.length === 1) return blocked[0]!;
  const released = plans.find((p) => p.status === 'blocked' && effectiveStatus(p, today) === 'active');
  return released === undefined
    ? refused('Nenhum contrato bloqueado para este cliente.')
    : alreadyReleased(released);
}

/**
 * The sandbox's rule: a contract blocked for debt may be released on trust for
 * `trust_unlock_days`, once per `trust_unlock_period_days` (counted from the last release). Without
 * contract_id the customer's only blocked contract is meant; with several, contract_id is required.
 */
export const trustUnlock = writeFunction('trust_unlock', (conn, input, { today }): Output => {
  const { trust_unlock_days: days, trust_unlock_period_days: period } = conn.settings;
  const customer = requireCustomer(conn, input.customer_document_number);
  const plan = pickContract(conn.q.plans.all(customer.id), input.contract_id, today);
  if (!('id' in plan)) return plan;

  if (effectiveStatus(plan, today) !== 'blocked') {
    return plan.status === 'blocked'
      ? alreadyReleased(plan)
      : refused(`Contrato ${plan.id} não está bloqueado.`);
  }
  if (plan.block_reason !== 'financial') {
    return refused(
      `Contrato ${plan.id} tem bloqueio manual: o desbloqueio de confiança vale só para bloqueio financeiro.`,
    );
  }
  if (unlockUsedThisPeriod(plan, today, period)) {
    return refused(
      `Desbloqueio de confiança já utilizado em ${formatDateBR(plan.last_unlock_on!)}; ` +
        `o próximo é permitido a partir de ${formatDateBR(nextUnlockDay(plan, period)!)}.`,
    );
  }

  const until = addDays(today, days);
  conn.q.recordUnlock.run(today, until, plan.id);
  const id = conn.inserts.trustUnlock({
    id: null,
    customer_id: customer.id,
    contract_id: plan.id,
    unlocked_on: today,
    unlocked_until: until,
    protocol: '',
  });
  const protocol = protocolFor(today, id);
  conn.q.setUnlockProtocol.run(protocol, id);
  return {
    success: true,
    message: `Contrato ${plan.id} desbloqueado em confiança até ${formatDateBR(until)}.`,
    unlocked_until: until,
    protocol,
  };
});
