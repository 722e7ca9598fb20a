// Voalle contracts (contract/getpaged items) -> the contract's Plan. Only `contractNumber` is
// confirmed by a client; `id`, `status`, `stage`, services and address follow our model of the
// answer (the status and stage codes are the collection-derived notes': 1 Normal, 2 Demonstração,
// 3 Cortesia, 4 Cancelado, 5 Suspenso, 6 Bloqueio Financeiro, 7 Bloqueio Administrativo,
// 9 Encerrado; stage 1 Pré-contrato, 2 Em aprovação, 3 Aprovado, 4 Rejeitado, 5 Cancelado).
import type { Plan } from '../../../contract/index.js';
import { formatMoney } from '../../../brasil/money.js';
import { cents, isoDate, text } from '../../kit/edge.js';

export interface VoalleContract {
  id: string;
  contractNumber: string;
  status: number | null;
  stage: number | null;
  planCode: string;
  planName: string;
  valueCents: number;
  address: string;
  unlockedUntil: string;
}

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const num = (v: unknown): number | null =>
  typeof v === 'number' ? v : /^\d+$/.test(text(v)) ? Number(text(v)) : null;

/** One item, or null without a contractNumber (the one field every client reads). */
export function parseContract(item: unknown): VoalleContract | null {
  const r = obj(item);
  const contractNumber = text(r.contractNumber);
  if (contractNumber === '') return null;
  const services = Array.isArray(r.serviceProducts) ? r.serviceProducts.map(obj) : [];
  const a = obj(r.address);
  return {
    id: text(r.id),
    contractNumber,
    status: num(r.status),
    stage: num(r.stage),
    planCode: text(services[0]?.code),
    planName: text(services[0]?.title) || text(r.description),
    valueCents: services.reduce((sum, s) => sum + (cents(s.amount) ?? 0), 0),
    address: [
      [text(a.street), text(a.number)].filter(Boolean).join(', '),
      text(a.addressComplement),
      text(a.neighborhood),
      [text(a.city), text(a.state)].filter(Boolean).join('/'),
    ]
      .filter(Boolean)
      .join(' - '),
    unlockedUntil: isoDate(r.unlockedUntil) ?? '',
  };
}

/** Blocked: 6 (financial) and 7 (administrative); 5 (Suspenso) is suspended, not blocked. */
export function planFromContract(c: VoalleContract): Plan {
  const blocked = c.status === 6 || c.status === 7;
  const status =
    c.status === 4
      ? 'cancelled'
      : c.status === 9
        ? 'inactive'
        : c.status === 5
          ? 'suspended'
          : blocked
            ? 'blocked'
            : c.stage !== null && c.stage < 3
              ? 'pending'
              : 'active';
  return {
    contract_id: c.contractNumber,
    plan_code: c.planCode,
    plan_name: c.planName,
    status,
    blocked,
    block_reason: c.status === 6 ? 'financial' : c.status === 7 ? 'manual' : '',
    value: formatMoney(c.valueCents),
    installation_address: c.address,
    // Voalle's own rules decide a financial block's trust unlock; an administrative block is not released on trust.
    trust_unlock_available: c.status === 6 ? null : false,
  };
}
