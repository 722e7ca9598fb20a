// A customer's contracts as Plans: consultacliente's entries, their plan's id and price from the
// entry or, when it has none (the vendor's example has neither), from consultaplano by name.
import type { FunctionOutput } from '../../contract/index.js';
import type { CallContext } from '../kit/index.js';
import { planLookup } from './catalogue.js';
import type { SgpConnection } from './client.js';
import { requireContracts } from './customers.js';
import { toPlan } from './mappers/customers.js';
import { cents, text } from '../kit/index.js';

type Plan = FunctionOutput<'list_plans'>[number];

export async function plansOf(conn: SgpConnection, document: string, call: CallContext): Promise<Plan[]> {
  const entries = await requireContracts(conn, document, call);
  const incomplete = entries.some(
    (e) => cents(e.planointernet_valor) === null || text(e.planointernet_id) === '',
  );
  const lookup = incomplete ? await planLookup(conn, call) : () => null;
  return entries
    .map((e) => toPlan(e, lookup))
    .sort((a, b) => Number(text(a.contract_id)) - Number(text(b.contract_id)));
}
