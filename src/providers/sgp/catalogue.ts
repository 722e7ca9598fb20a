// SGP's sales lists (the pre-registration family): plans /api/precadastro/plano/list
// (`[{tipo, id, descricao, valor}]`), due days /api/precadastro/vencimento/list (`[{id, dia}]`),
// sellers /api/precadastro/vendedor/list (`[{id, nome}]`); and the URA plan list
// /api/ura/consultaplano/ (`preco` as a string), which prices a customer's contracts.
import { badResponse, cents, text } from '../kit/index.js';
import type { CallContext } from '../kit/index.js';
import { ERP_NAME } from './client.js';
import type { SgpConnection } from './client.js';

export interface CatalogueRow {
  id: string;
  label: string;
  /** Cents, for plans. */
  price: number | null;
  /** The due day, for vencimentos. */
  day: number | null;
}

async function listOf(
  conn: SgpConnection,
  path: string,
  call: CallContext,
): Promise<Record<string, unknown>[]> {
  const answer = await conn.client.post(path, {}, call, { read: true });
  if (!Array.isArray(answer.body))
    throw badResponse(ERP_NAME, `${path} without a list`, answer.status, answer.raw);
  return (answer.body as unknown[]).filter(
    (r): r is Record<string, unknown> =>
      r !== null && typeof r === 'object' && text((r as { id?: unknown }).id) !== '',
  );
}

export async function plans(conn: SgpConnection, call: CallContext): Promise<CatalogueRow[]> {
  return (await listOf(conn, '/api/precadastro/plano/list', call)).map((r) => ({
    id: text(r.id),
    label: text(r.descricao),
    price: cents(r.valor),
    day: null,
  }));
}

export async function dueDays(conn: SgpConnection, call: CallContext): Promise<CatalogueRow[]> {
  return (await listOf(conn, '/api/precadastro/vencimento/list', call))
    .map((r) => ({ id: text(r.id), label: text(r.dia), price: null, day: Number(text(r.dia)) }))
    .filter((r) => Number.isInteger(r.day) && r.day >= 1 && r.day <= 31);
}

export async function sellers(conn: SgpConnection, call: CallContext): Promise<CatalogueRow[]> {
  return (await listOf(conn, '/api/precadastro/vendedor/list', call)).map((r) => ({
    id: text(r.id),
    label: text(r.nome),
    price: null,
    day: null,
  }));
}

/** A plan of consultaplano: its id and price (`preco` is a string there, "9.99"). */
export interface PlanInfo {
  id: string;
  price: number | null;
}

/** consultaplano's plans, found by id or by name (consultacliente names a contract's plan only). */
export async function planLookup(
  conn: SgpConnection,
  call: CallContext,
): Promise<(id: string, name: string) => PlanInfo | null> {
  const answer = await conn.client.get('/api/ura/consultaplano/', {}, call, { read: true });
  const list = (answer.body as { planos?: unknown } | null)?.planos;
  const rows = Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
  return (id, name) => {
    const row =
      rows.find((r) => id !== '' && text(r.id) === id) ??
      rows.find((r) => text(r.descricao).toUpperCase() === name.toUpperCase());
    return row === undefined ? null : { id: text(row.id), price: cents(row.preco) };
  };
}
