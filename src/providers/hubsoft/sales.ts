// Prospects (Hubsoft's "prospecto"), which create_order, create_lead and the contract/lead modes of
// create_order_existing_customer record, and the plan prices they need.
import { PonteError } from '../../contract/index.js';
import { rejected } from '../kit/http.js';
import type { CallContext } from '../types.js';
import { ERP_NAME } from './client.js';
import type { Envelope } from './client.js';
import type { HubsoftConnection } from './connection.js';
import { cents, text } from '../kit/edge.js';

export interface SaleablePlan {
  id: number;
  name: string;
  valorCents: number;
}

/** The plans Hubsoft sells at a CEP (prospecto/create); ERP_REJECTED with Hubsoft's message for an unknown CEP. */
export async function plansAt(
  conn: HubsoftConnection,
  cep: string,
  call: CallContext,
): Promise<SaleablePlan[]> {
  const answer = await conn.client.read('prospecto/create', { cep }, call, { acceptError: true });
  if (!answer.ok)
    throw rejected(ERP_NAME, answer.message || `HTTP ${answer.status}`, answer.status, answer.text);
  const list = Array.isArray(answer.body.servicos) ? (answer.body.servicos as Record<string, unknown>[]) : [];
  return list.flatMap((s) => {
    const id = Number(text(s.id_servico));
    const valorCents = cents(s.valor);
    return Number.isSafeInteger(id) && id > 0 && valorCents !== null
      ? [{ id, name: text(s.descricao), valorCents }]
      : [];
  });
}

/** The plan `productCode` as sold at `cep`; ERP_REJECTED when Hubsoft does not sell it there. */
export async function planForOrder(
  conn: HubsoftConnection,
  productCode: string,
  cep: string,
  call: CallContext,
): Promise<SaleablePlan> {
  const plan = (await plansAt(conn, cep, call)).find((p) => String(p.id) === productCode);
  if (plan === undefined) {
    throw new PonteError('ERP_REJECTED', `Hubsoft does not sell plan ${productCode} at CEP ${cep}`, {
      details: [
        {
          path: 'order.items.0.product_code',
          message: 'not among the plans list_products answers for this CEP',
        },
      ],
    });
  }
  return plan;
}

/** POST prospecto; the envelope whatever it says (the callers decide what a refusal means). */
export function postProspect(
  conn: HubsoftConnection,
  body: Record<string, unknown>,
  call: CallContext,
): Promise<Envelope> {
  return conn.client.write('POST', 'prospecto', body, call);
}

export function prospectId(answer: Envelope): string {
  const prospect = answer.body.prospecto as { id_prospecto?: unknown } | undefined;
  return text(prospect?.id_prospecto);
}
