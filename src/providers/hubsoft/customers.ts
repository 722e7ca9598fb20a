// Finding a customer and its services: the cliente route, searched by CPF/CNPJ, which every
// customer, plan, ticket and order function starts from.
import { PonteError } from '../../contract/index.js';
import { document, text } from '../kit/edge.js';
import type { CallContext } from '../types.js';
import type { HubsoftConnection } from './connection.js';
import type { HubsoftCustomer, HubsoftService } from './types.js';

export function customerNotFound(): PonteError {
  return new PonteError('CUSTOMER_NOT_FOUND', 'Hubsoft has no customer with this CPF/CNPJ');
}

/** The customer with this (normalised) document, cancelled services and inactive records included. */
export async function findCustomer(
  conn: HubsoftConnection,
  cpfCnpj: string,
  call: CallContext,
): Promise<HubsoftCustomer | null> {
  const list = (await conn.client.readList(
    'cliente',
    'clientes',
    { busca: 'cpf_cnpj', termo_busca: cpfCnpj, limit: 10, cancelado: 'sim', inativo: 'todos' },
    call,
  )) as HubsoftCustomer[];
  return list.find((c) => document(c.cpf_cnpj) === cpfCnpj) ?? null;
}

export async function requireCustomer(
  conn: HubsoftConnection,
  cpfCnpj: string,
  call: CallContext,
): Promise<HubsoftCustomer> {
  const customer = await findCustomer(conn, cpfCnpj, call);
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

/** mainService, or CONTRACT_NOT_FOUND when the customer has no service at all. */
export function requireMainService(customer: HubsoftCustomer): HubsoftService {
  const service = mainService(customer);
  if (service === null) {
    throw new PonteError(
      'CONTRACT_NOT_FOUND',
      'Hubsoft has no service for this customer to open a ticket on',
    );
  }
  return service;
}
