// Voalle's sales catalogue: crm/contracttypesandservices (services per contract type and their
// collectionDays; live-tested: empty unless the contract type has Parâmetros → Integração enabled)
// and crm/campaignsandpricelistservices (prices; two conflicting client models, both read).
import { cents, text } from '../kit/edge.js';
import type { CallContext } from '../types.js';
import { readFailed, type VoalleConnection } from './client.js';

export interface ContractType {
  code: string;
  title: string;
  collectionDays: number[];
  services: { code: string; title: string }[];
}

export interface PriceList {
  campaignCode: string;
  campaignTitle: string;
  code: string;
  title: string;
  products: { code: string; title: string; priceCents: number | null }[];
}

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(obj) : []);

export async function contractTypes(conn: VoalleConnection, call: CallContext): Promise<ContractType[]> {
  const envelope = await conn.client.get('crm/contracttypesandservices', call);
  if (!envelope.ok) throw readFailed('crm/contracttypesandservices', envelope);
  return list(envelope.response).map((t) => ({
    code: text(t.code),
    title: text(t.title),
    collectionDays: (Array.isArray(t.collectionDays) ? t.collectionDays : [])
      .map((d: unknown) => Number(d))
      .filter((d) => Number.isInteger(d) && d >= 1 && d <= 31),
    services: list(t.contractTypesServiceProduct)
      .map((s) => ({ code: text(s.code), title: text(s.title) }))
      .filter((s) => s.code !== ''),
  }));
}

/** Price lists of every campaign, in the Go SDK's shape (priceLists/products/price) or the TS adapter's (campaignPriceList/.../sellingPrice). */
export async function priceLists(conn: VoalleConnection, call: CallContext): Promise<PriceList[]> {
  const envelope = await conn.client.get('crm/campaignsandpricelistservices', call);
  if (!envelope.ok) throw readFailed('crm/campaignsandpricelistservices', envelope);
  return list(envelope.response).flatMap((c) =>
    [...list(c.priceLists), ...list(c.campaignPriceList)].map((l) => ({
      campaignCode: text(c.code),
      campaignTitle: text(c.title),
      code: text(l.code) || text(l.id),
      title: text(l.title),
      products: [...list(l.products), ...list(l.campaignPriceListProductServices)]
        .map((p) => ({
          code: text(p.code),
          title: text(p.title),
          priceCents: cents(p.price ?? p.sellingPrice),
        }))
        .filter((p) => p.code !== ''),
    })),
  );
}
