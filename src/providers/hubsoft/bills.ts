// Finding faturas (financeiro/fatura, paginated), which list_bills, get_bill, get_boleto_pdf and
// settle_bill share, and the valuation context of the tenant.
import { addDays, todayInBrazil } from '../../brasil/dates.js';
import { PonteError } from '../../contract/index.js';
import { document, isoDate, text } from '../kit/edge.js';
import type { CallContext } from '../types.js';
import type { HubsoftConnection } from './connection.js';
import { requireCustomer } from './customers.js';
import { parseBillRef } from './mappers/bills.js';
import type { BillContext } from './mappers/bills.js';
import type { HubsoftBill } from './types.js';

export function billContext(conn: HubsoftConnection, call: CallContext): BillContext {
  const fees = conn.options.late_fees;
  return {
    today: todayInBrazil(call.now),
    interestFrom: fees.interest_from,
    fallback: {
      fineBasisPoints: fees.fine_basis_points,
      monthlyInterestBasisPoints: fees.monthly_interest_basis_points,
    },
  };
}

export interface BillSearch {
  busca: 'cpf_cnpj' | 'id_cliente_servico' | 'id_cliente';
  termo: string;
  openOnly: boolean;
}

/**
 * Faturas found by `search`, due from `bill_history_days` ago to a year ahead. Hubsoft filters
 * financeiro/fatura by a date range that defaults to the last ten days, so the range is explicit.
 */
export async function searchBills(
  conn: HubsoftConnection,
  search: BillSearch,
  call: CallContext,
): Promise<HubsoftBill[]> {
  const today = todayInBrazil(call.now);
  const bills = (await conn.client.readPages(
    'financeiro/fatura',
    'faturas',
    {
      busca: search.busca,
      termo_busca: search.termo,
      tipo_data: 'data_vencimento',
      data_inicio: addDays(today, -conn.settings.bill_history_days),
      data_fim: addDays(today, 400),
      apenas_em_aberto: search.openOnly ? 'sim' : undefined,
      exibir_pix_copia_cola: 'sim',
      tipo_resultado: 'detalhado',
      documento: conn.settings.empresa_documento,
    },
    call,
  )) as HubsoftBill[];
  // An open fatura must not be listed as open when Hubsoft's filter let a paid one through.
  return search.openOnly ? bills.filter((b) => isoDate(b.data_pagamento) === null) : bills;
}

/** The customer's faturas; CUSTOMER_NOT_FOUND when there are none and no such customer either. */
export async function customerBills(
  conn: HubsoftConnection,
  cpfCnpj: string,
  openOnly: boolean,
  call: CallContext,
): Promise<HubsoftBill[]> {
  const bills = await searchBills(conn, { busca: 'cpf_cnpj', termo: cpfCnpj, openOnly }, call);
  const mine = bills.filter((b) => document(b.cliente?.cpf_cnpj) === cpfCnpj);
  if (mine.length === 0) await requireCustomer(conn, cpfCnpj, call);
  return mine;
}

function billNotFound(ref: string): PonteError {
  return new PonteError('BILL_NOT_FOUND', `Hubsoft has no boleto ${ref} for this customer`);
}

/**
 * The fatura a boleto id names. With a document, it must be that customer's (CUSTOMER_NOT_FOUND
 * when there is no such customer); without one, the id must carry the service it belongs to.
 */
export async function requireBill(
  conn: HubsoftConnection,
  ref: string,
  cpfCnpj: string | undefined,
  call: CallContext,
): Promise<HubsoftBill> {
  const parts = parseBillRef(ref);
  let bills: HubsoftBill[];
  if (cpfCnpj !== undefined) bills = await customerBills(conn, cpfCnpj, false, call);
  else if (parts?.scope) bills = await searchBills(conn, { ...parts.scope, openOnly: false }, call);
  else throw billNotFound(ref);
  const bill = parts === null ? undefined : bills.find((b) => text(b.id_fatura) === parts.billId);
  if (bill === undefined) throw billNotFound(ref);
  return bill;
}
