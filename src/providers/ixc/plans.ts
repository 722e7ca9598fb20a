// Look-ups of a customer's contracts and their sale plans.
import type { Plan } from '../../contract/index.js';
import type { CallContext } from '../types.js';
import type { IxcRow } from './client.js';
import type { IxcConnection } from './connection.js';
import { cityOf } from './cities.js';
import { addressLine } from './mappers/addresses.js';
import { toPlan } from './mappers/plans.js';

export function contractsOf(conn: IxcConnection, customerId: string, call: CallContext): Promise<IxcRow[]> {
  return conn.client.list('cliente_contrato', [{ column: 'id_cliente', value: customerId }], call);
}

/** The customer's contracts as Plans, with their product's name and price. */
export async function plansOf(
  conn: IxcConnection,
  customer: IxcRow,
  call: CallContext,
): Promise<{ contracts: IxcRow[]; plans: Plan[] }> {
  const contracts = await contractsOf(conn, customer.id ?? '', call);
  const productIds = [
    ...new Set(contracts.map((c) => c.id_vd_contrato ?? '').filter((id) => /^\d+$/.test(id))),
  ];
  const products =
    productIds.length === 0
      ? []
      : await conn.client.list(
          'vd_contratos',
          [{ column: 'id', op: 'IN', value: productIds.join(',') }],
          call,
        );
  const byId = new Map(products.map((p) => [p.id, p]));
  const customerCity = await cityOf(conn, customer.cidade, call);
  const plans = await Promise.all(
    contracts.map(async (c) => {
      const own = c.endereco_padrao_cliente === 'N' && (c.endereco ?? '') !== '';
      const address = own
        ? addressLine(c, await cityOf(conn, c.cidade, call))
        : addressLine(customer, customerCity);
      return toPlan(c, byId.get(c.id_vd_contrato), address);
    }),
  );
  return { contracts, plans };
}
