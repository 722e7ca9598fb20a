// A customer's tax documents, per contract: notas fiscais (/api/central/notafiscal/list/), NFCom
// (/api/central/nfcom/list) and NFS-e (/api/central/nfse/list/), all with token + app. An install
// without the NFCom or NFS-e module answers 404 for that list: it is then read as empty.
import type { FunctionOutput } from '../../contract/index.js';
import { badResponse, text } from '../kit/index.js';
import type { CallContext } from '../kit/index.js';
import { ERP_NAME } from './client.js';
import type { SgpConnection } from './client.js';
import type { SgpContractEntry } from './mappers/customers.js';
import { nfcomHasValue, nfcomToInvoice, nfseToInvoice, toInvoice } from './mappers/invoices.js';
import type { SgpNfcom, SgpNfse, SgpNota } from './mappers/invoices.js';

type Invoice = FunctionOutput<'list_invoices'>[number];

export type FoundInvoice = { invoice: Invoice; contract: string } & (
  { kind: 'nota'; nota: SgpNota } | { kind: 'nfcom'; nfcom: SgpNfcom } | { kind: 'nfse'; nfse: SgpNfse }
);

async function listAt(
  conn: SgpConnection,
  path: string,
  contract: string,
  call: CallContext,
  optional: boolean,
): Promise<unknown> {
  const answer = await conn.client.post(path, { contrato: contract }, call, {
    read: true,
    ...(optional ? { accept: [404] } : {}),
  });
  if (answer.status === 404) return [];
  return answer.body;
}

function listOf(body: unknown, key: string | null, what: string, raw: unknown): unknown[] {
  const list = key === null ? body : (body as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list))
    throw badResponse(ERP_NAME, `${what} that are not a list`, 200, JSON.stringify(raw));
  return list as unknown[];
}

async function ofContract(conn: SgpConnection, contract: string, call: CallContext): Promise<FoundInvoice[]> {
  const [notas, nfcoms, nfses] = await Promise.all([
    listAt(conn, '/api/central/notafiscal/list/', contract, call, false),
    listAt(conn, '/api/central/nfcom/list', contract, call, true),
    listAt(conn, '/api/central/nfse/list/', contract, call, true),
  ]);
  const found: FoundInvoice[] = [];
  for (const nota of listOf(notas, null, 'notas fiscais', notas) as SgpNota[]) {
    const invoice = toInvoice(contract, nota);
    if (invoice !== null) found.push({ invoice, contract, kind: 'nota', nota });
  }
  const nfcomList = Array.isArray(nfcoms) ? nfcoms : listOf(nfcoms, 'results', 'NFComs', nfcoms);
  for (const nfcom of nfcomList as SgpNfcom[]) {
    const invoice = nfcomToInvoice(nfcom);
    if (invoice === null) continue;
    if (!nfcomHasValue(nfcom))
      call.warn(`NFCom ${invoice.numero}: SGP lists no value for it, so valor is 0.00`);
    found.push({ invoice, contract, kind: 'nfcom', nfcom });
  }
  for (const nfse of listOf(nfses, null, 'NFS-e', nfses) as SgpNfse[]) {
    const invoice = nfseToInvoice(nfse);
    if (invoice !== null) found.push({ invoice, contract, kind: 'nfse', nfse });
  }
  return found;
}

/** Every tax document of the customer's contracts, newest first. */
export async function invoicesOf(
  conn: SgpConnection,
  entries: SgpContractEntry[],
  call: CallContext,
): Promise<FoundInvoice[]> {
  const lists = await Promise.all(entries.map((e) => ofContract(conn, text(e.contratoId), call)));
  return lists.flat().sort((a, b) => b.invoice.data_emissao.localeCompare(a.invoice.data_emissao));
}
