// MK contracts (WSMKContratosPorCliente `ContratosAtivos[]`, active only) and connections
// (WSMKConexoesPorCliente `Conexoes[]`) -> the contract's Plans. Blocking lives on the connection
// in MK: a contract is blocked when one of its connections is `bloqueada` or `esta_reduzida`
// (speed reduced, MK's partial block). A connection tied to no contract is a plan of its own,
// `conexao-<codconexao>`. MK gives no contract price: `value` is the price of the tenant's
// product of the same name, else "0.00".
import type { Plan } from '../../../contract/objects.js';
import { formatMoney } from '../../../brasil/money.js';
import { foldAscii } from '../../../brasil/text.js';
import { cents, text } from '../../kit/index.js';

export type MkRecord = Record<string, unknown>;

/** A plan and the connections an unlock of it goes to. */
export interface MkPlan {
  plan: Plan;
  connections: { id: string; blocked: boolean }[];
}

const yes = (value: unknown) => /^s(im)?$/i.test(text(value));
const FINANCIAL = /inadimpl|financ|d[eé]bito|atras|pend[eê]ncia/i;

export const ORPHAN_PREFIX = 'conexao-';

function blockReason(connections: MkRecord[]): string {
  const blocked = connections.filter((c) => yes(c.bloqueada));
  if (blocked.length > 0)
    return blocked.some((c) => FINANCIAL.test(text(c.motivo_bloqueio))) ? 'financial' : 'manual';
  return connections.some((c) => yes(c.esta_reduzida)) ? 'reduced_speed' : '';
}

const nameKey = (name: string) => foldAscii(name).toLowerCase().replace(/\s+/g, ' ').trim();

function plan(
  id: string,
  name: string,
  connections: MkRecord[],
  prices: ReadonlyMap<string, number>,
): MkPlan {
  const reason = blockReason(connections);
  const blocked = reason !== '';
  return {
    plan: {
      contract_id: id,
      plan_code: name,
      plan_name: name,
      status: blocked ? 'blocked' : 'active',
      blocked,
      block_reason: reason,
      value: formatMoney(prices.get(nameKey(name)) ?? 0),
      installation_address: text(connections[0]?.endereco),
      trust_unlock_available: null,
    },
    connections: connections.map((c) => ({
      id: text(c.codconexao),
      blocked: yes(c.bloqueada) || yes(c.esta_reduzida),
    })),
  };
}

/** Prices by folded plan name, from the tenant's products. */
export function pricesOf(
  products: readonly { name: string; price?: string | undefined }[],
): Map<string, number> {
  const prices = new Map<string, number>();
  for (const p of products) {
    const c = p.price === undefined ? null : cents(p.price);
    if (c !== null) prices.set(nameKey(p.name), c);
  }
  return prices;
}

export function toPlans(
  contracts: MkRecord[],
  connections: MkRecord[],
  prices: ReadonlyMap<string, number>,
): MkPlan[] {
  const ofContract = (id: string) => connections.filter((c) => text(c.contrato) === id);
  const contractIds = new Set(contracts.map((c) => text(c.codcontrato)));
  const plans = contracts
    .filter((c) => text(c.codcontrato) !== '')
    .map((c) => plan(text(c.codcontrato), text(c.plano_acesso), ofContract(text(c.codcontrato)), prices));
  // Connections of no listed contract (none, or one no longer in force) stand on their own.
  const orphans = connections.filter((c) => !contractIds.has(text(c.contrato)) && text(c.codconexao) !== '');
  for (const c of orphans) {
    if (text(c.contrato) !== '') continue; // a connection of a cancelled contract is not a plan
    plans.push(plan(`${ORPHAN_PREFIX}${text(c.codconexao)}`, '', [c], prices));
  }
  return plans;
}
