// Finding a customer in MK: WSMKConsultaDoc by CPF/CNPJ answers the main registration flat, with
// `Outros[]` for the other registrations under the same document (MK allows several). Ponte
// treats all of them as the customer: bills, plans and contacts are read for each.
import { PonteError } from '../../contract/index.js';
import type { CallContext } from '../kit/index.js';
import { text } from '../kit/index.js';
import { badResponse } from '../kit/index.js';
import { ERP_NAME } from './client.js';
import type { MkConnection } from './connect.js';
import type { MkRecord } from './mappers/customer.js';
import { SERVICES } from './services.js';

export interface MkCustomer {
  /** The document as the contract writes it. */
  document: string;
  /** The main registration first, then Outros[]. */
  records: MkRecord[];
}

/** The customer with this document, or null when MK has none (003) or refuses the document (002). */
export async function findCustomer(
  conn: MkConnection,
  document: string,
  call: CallContext,
): Promise<MkCustomer | null> {
  const answer = await conn.client.call(SERVICES.consultaDoc, { doc: document }, call);
  if (answer.error !== null) {
    if (answer.error.code === '003' || answer.error.code === '002') return null;
    throw badResponse(
      ERP_NAME,
      `WSMKConsultaDoc with an error: ${answer.error.code} ${answer.error.message}`,
      answer.status,
      answer.text,
    );
  }
  const body = answer.body as MkRecord;
  const { Outros: others, status: _status, ...main } = body;
  if (text(main.CodigoPessoa) === '') {
    throw badResponse(ERP_NAME, 'WSMKConsultaDoc without a CodigoPessoa', answer.status, answer.text);
  }
  const rest = Array.isArray(others)
    ? (others as unknown[]).filter(
        (o): o is MkRecord =>
          o !== null && typeof o === 'object' && text((o as MkRecord).CodigoPessoa) !== '',
      )
    : [];
  const seen = new Set<string>();
  const records = [main, ...rest].filter((r) => {
    const code = text(r.CodigoPessoa);
    if (seen.has(code)) return false;
    seen.add(code);
    return true;
  });
  return { document, records };
}

export async function requireCustomer(
  conn: MkConnection,
  document: string,
  call: CallContext,
): Promise<MkCustomer> {
  const customer = await findCustomer(conn, document, call);
  if (customer === null) throw new PonteError('CUSTOMER_NOT_FOUND', 'MK has no customer with this document');
  return customer;
}

/** The CodigoPessoa of each registration. */
export function codesOf(customer: MkCustomer): string[] {
  return customer.records.map((r) => text(r.CodigoPessoa));
}
