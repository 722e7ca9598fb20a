import type { ProviderFunction } from '../../types.js';
import { requireCustomer } from '../connection.js';
import type { HubsoftConnection } from '../connection.js';
import { internalNotes } from '../mappers.js';

/** The cliente's alerts (alerta_mensagens): what the ISP wants staff and bots to see first. */
export const getInternalPending: ProviderFunction<HubsoftConnection, 'get_internal_pending'> = async (
  conn,
  input,
  call,
) => internalNotes(await requireCustomer(conn, input.customer_document_number, call));
