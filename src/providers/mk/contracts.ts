// A customer's plans in MK: per registration, WSMKContratosPorCliente (contracts in force) and
// WSMKConexoesPorCliente (connections, where blocking lives), joined by mappers/plan.ts.
import { PonteError } from '../../contract/index.js';
import { badResponse, text } from '../kit/index.js';
import type { CallContext } from '../kit/index.js';
import { ERP_NAME } from './client.js';
import type { MkConnection } from './connect.js';
import type { MkCustomer } from './customers.js';
import { pricesOf, toPlans } from './mappers/plan.js';
import type { MkPlan, MkRecord } from './mappers/plan.js';
import { SERVICES } from './services.js';

async function listOf(
  conn: MkConnection,
  service: (typeof SERVICES)['contratos' | 'conexoes'],
  key: string,
  pessoa: string,
  call: CallContext,
): Promise<MkRecord[]> {
  const answer = await conn.client.call(service, { cd_cliente: pessoa }, call);
  if (answer.error?.code === '003') return [];
  if (answer.error !== null) {
    throw badResponse(
      ERP_NAME,
      `${service.name} with an error: ${answer.error.code} ${answer.error.message}`,
      answer.status,
      answer.text,
    );
  }
  const list = Array.isArray(answer.body) ? answer.body : (answer.body as MkRecord)[key];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list))
    throw badResponse(ERP_NAME, `${service.name} without the list ${key}`, answer.status, answer.text);
  return list as MkRecord[];
}

/** The connections of one registration. */
export function connectionsOf(conn: MkConnection, pessoa: string, call: CallContext): Promise<MkRecord[]> {
  return listOf(conn, SERVICES.conexoes, 'Conexoes', pessoa, call);
}

/** Every plan of every registration of the customer. */
export async function plansOf(
  conn: MkConnection,
  customer: MkCustomer,
  call: CallContext,
): Promise<MkPlan[]> {
  const prices = pricesOf(conn.settings.products);
  const perPessoa = await Promise.all(
    customer.records.map(async (r) => {
      const pessoa = text(r.CodigoPessoa);
      const [contracts, connections] = await Promise.all([
        listOf(conn, SERVICES.contratos, 'ContratosAtivos', pessoa, call),
        connectionsOf(conn, pessoa, call),
      ]);
      return toPlans(contracts, connections, prices);
    }),
  );
  return perPessoa.flat();
}

export function requirePlan(plans: MkPlan[], contractId: string): MkPlan {
  const found = plans.find((p) => p.plan.contract_id === contractId);
  if (found === undefined)
    throw new PonteError('CONTRACT_NOT_FOUND', `MK has no contract ${contractId} in force for this customer`);
  return found;
}
