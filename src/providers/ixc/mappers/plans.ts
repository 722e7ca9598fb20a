// IXC's cliente_contrato (with its vd_contratos sale plan) -> the contract's Plan.
import { formatMoney } from '../../../brasil/money.js';
import type { Plan } from '../../../contract/index.js';
import { cents } from '../../kit/edge.js';
import type { IxcRow } from '../client.js';

const BLOCK_REASON: Record<string, string> = { CA: 'financial', FA: 'financial', CM: 'manual' };

/**
 * A contract as a Plan. status P pending, I inactive, D cancelled (desistiu); an active contract
 * reads its access status: CA (automatic block, for debt) and FA (financial arrears) are blocked
 * for "financial", CM for "manual"; AA (awaiting signature) is pending, D (disabled) inactive;
 * contrato_suspenso S is suspended. trust_unlock_available: false unless blocked for debt; then
 * false when the contract disables it, null otherwise (IXC's own rules decide, and it does not say).
 */
export function toPlan(contract: IxcRow, product: IxcRow | undefined, address: string): Plan {
  const internet = contract.status_internet ?? '';
  let status: Plan['status'];
  if (contract.status === 'P') status = 'pending';
  else if (contract.status === 'I') status = 'inactive';
  else if (contract.status === 'D') status = 'cancelled';
  else if (contract.contrato_suspenso === 'S') status = 'suspended';
  else if (BLOCK_REASON[internet] !== undefined) status = 'blocked';
  else if (internet === 'AA') status = 'pending';
  else if (internet === 'D') status = 'inactive';
  else status = 'active';
  const blocked = status === 'blocked';
  const reason = blocked ? BLOCK_REASON[internet]! : '';
  return {
    contract_id: contract.id ?? '',
    plan_code: contract.id_vd_contrato ?? '',
    plan_name: product?.nome || contract.contrato || '',
    status,
    blocked,
    block_reason: reason,
    value: formatMoney(cents(product?.valor_contrato) ?? 0),
    installation_address: address,
    trust_unlock_available:
      reason !== 'financial' ? false : contract.desbloqueio_confianca === 'N' ? false : null,
  };
}
