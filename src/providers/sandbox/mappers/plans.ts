// Sandbox contracts as the contract's Plan; what "blocked" and "trust unlock used" mean on a day.
import { addDays, daysBetween } from '../../../brasil/dates.js';
import { formatMoney } from '../../../brasil/money.js';
import type { Plan } from '../../../contract/index.js';
import type { ContractStatus, PlanRow } from '../rows.js';

/** A contract blocked for debt and released on trust counts as active until the release ends. */
export function effectiveStatus(
  row: Pick<PlanRow, 'status' | 'unlocked_until'>,
  today: string,
): ContractStatus {
  if (row.status === 'blocked' && row.unlocked_until !== null && row.unlocked_until >= today) return 'active';
  return row.status;
}

/** The day a contract may be trust-unlocked again, or null when it never was. */
export function nextUnlockDay(row: Pick<PlanRow, 'last_unlock_on'>, periodDays: number): string | null {
  return row.last_unlock_on === null ? null : addDays(row.last_unlock_on, periodDays);
}

export function unlockUsedThisPeriod(
  row: Pick<PlanRow, 'last_unlock_on'>,
  today: string,
  periodDays: number,
): boolean {
  return row.last_unlock_on !== null && daysBetween(row.last_unlock_on, today) < periodDays;
}

export function toPlan(row: PlanRow, today: string, periodDays: number): Plan {
  const status = effectiveStatus(row, today);
  const blocked = status === 'blocked';
  return {
    contract_id: String(row.id),
    plan_code: row.product_code,
    plan_name: row.plan_name,
    status,
    blocked,
    block_reason: blocked ? row.block_reason : '',
    value: formatMoney(row.value_cents),
    installation_address: row.installation_address,
    trust_unlock_available:
      blocked && row.block_reason === 'financial' && !unlockUsedThisPeriod(row, today, periodDays),
  };
}
