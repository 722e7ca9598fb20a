// A tenant's connection to its Hubsoft, and the look-ups several functions share: the customer by
// CPF/CNPJ (cliente route, search style) and faturas (financeiro/fatura, paginated).
import { addDays, todayInBrazil } from '../../brasil/dates.js';
import { PonteError } from '../../contract/index.js';
import type { TenantOptions } from '../../gateway/tenant-options.js';
import type { CallContext, ConnectEnv } from '../types.js';
import { HubsoftClient } from './client.js';
import { normaliseDocument, parseBillRef, text, toIsoDate } from './mappers.js';
import type { BillContext } from './mappers.js';
import type { HubsoftSettings } from './settings.js';
import type { HubsoftBill, HubsoftCustomer, HubsoftService } from './types.js';

export interface HubsoftConnection {
  settings: HubsoftSettings;
  options: TenantOptions;
  client: HubsoftClient;
}

export function connectHubsoft(env: ConnectEnv<HubsoftSettings>): HubsoftConnection {
  return { settings: env.settings, options: env.options, client: new HubsoftClient(env.settings) };
}

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

export function customerNotFound(): PonteError {
  return new PonteError('CUSTOMER_NOT_FOUND', 'Hubsoft has no customer with this CPF/CNPJ');
}

/** The customer with this (normalised) document, cancelled services and inactive records included. */
export async function findCustomer(
  conn: HubsoftConnection,
  document: string,
  call: CallContext,
): Promise<HubsoftCustomer | null> {
  const list = (await conn.client.readList(
    'cliente',
    'clientes',
    { busca: 'cpf_cnpj', termo_busca: document, limit: 10, cancelado: 'sim', inativo: 'todos' },
    call,
  )) as HubsoftCustomer[];
  return list.find((c) => normaliseDocument(c.cpf_cnpj) === document) ?? null;
}

export async function requireCustomer(
  conn: HubsoftConnection,
  document: string,
  call: CallContext,
): Promise<HubsoftCustomer> {
  const customer = await findCustomer(conn, document, call);
  if (customer === null) throw customerNotFound();
  return customer;
}

export function servicesOf(customer: HubsoftCustomer): HubsoftService[] {
  return customer.servicos ?? [];
}

/** The customer's service `contractId`, or CONTRACT_NOT_FOUND. */
export function requireService(customer: HubsoftCustomer, contractId: string): HubsoftService {
  const service = servicesOf(customer).find((s) => text(s.id_cliente_servico) === contractId);
  if (service === undefined) {
    throw new PonteError('CONTRACT_NOT_FOUND', `Hubsoft has no service ${contractId} for this customer`);
  }
  return service;
}

/** The service a ticket or an order goes to: the first one not cancelled, else the first. */
export function mainService(customer: HubsoftCustomer): HubsoftService | null {
  const services = servicesOf(customer);
  return services.find((s) => text(s.status_prefixo) !== 'cancelado') ?? services[0] ?? null;
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
  return search.openOnly ? bills.filter((b) => toIsoDate(b.data_pagamento) === null) : bills;
}

/** The customer's faturas; CUSTOMER_NOT_FOUND when there are none and no such customer either. */
export async function customerBills(
  conn: HubsoftConnection,
  document: string,
  openOnly: boolean,
  call: CallContext,
): Promise<HubsoftBill[]> {
  const bills = await searchBills(conn, { busca: 'cpf_cnpj', termo: document, openOnly }, call);
  const mine = bills.filter((b) => normaliseDocument(b.cliente?.cpf_cnpj) === document);
  if (mine.length === 0) await requireCustomer(conn, document, call);
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
  document: string | undefined,
  call: CallContext,
): Promise<HubsoftBill> {
  const parts = parseBillRef(ref);
  if (document !== undefined) {
    const bills = await customerBills(conn, document, false, call);
    const bill = parts === null ? undefined : bills.find((b) => text(b.id_fatura) === parts.billId);
    if (bill === undefined) throw billNotFound(ref);
    return bill;
  }
  if (parts?.scope == null) throw billNotFound(ref);
  const bills = await searchBills(
    conn,
    { busca: parts.scope.busca, termo: parts.scope.termo, openOnly: false },
    call,
  );
  const bill = bills.find((b) => text(b.id_fatura) === parts.billId);
  if (bill === undefined) throw billNotFound(ref);
  return bill;
}
