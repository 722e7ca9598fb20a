// IXC's cities are ids (cidade, with its uf): from an id to a name and UF, and from an address to
// an id.
import type { Address } from '../../contract/index.js';
import type { CallContext } from '../types.js';
import type { IxcConnection } from './connection.js';
import type { City } from './mappers/addresses.js';

/** A city's name and UF by its IXC id, read once per connection (a failed look-up is not kept). */
export async function cityOf(
  conn: IxcConnection,
  id: string | undefined,
  call: CallContext,
): Promise<City | null> {
  if (id === undefined || !/^[1-9]\d*$/.test(id)) return null;
  let cached = conn.cities.get(id);
  if (cached === undefined) {
    cached = (async () => {
      const city = await conn.client.byId('cidade', id, call);
      if (city === undefined) return null;
      const uf = await conn.client.byId('uf', city.uf ?? '', call);
      return { name: city.nome ?? '', uf: uf?.sigla ?? '' };
    })();
    conn.cities.set(id, cached);
    cached.catch(() => conn.cities.delete(id));
  }
  return cached;
}

/** A city as IXC writes it on a record: its id and its state's id (cliente.cidade and cliente.uf). */
export interface CityIds {
  id: string;
  uf: string;
}

/**
 * The IXC city of an address: by IBGE code, else by name within the UF; otherwise the tenant's
 * default_city_id when `fallback` (new records), or null.
 */
export async function cityIds(
  conn: IxcConnection,
  address: Partial<Address>,
  call: CallContext,
  fallback = true,
): Promise<CityIds | null> {
  const candidates = address.ibge_code
    ? await conn.client.list('cidade', [{ column: 'cod_ibge', value: address.ibge_code }], call)
    : address.city
      ? await conn.client.list('cidade', [{ column: 'nome', value: address.city }], call)
      : [];
  for (const city of candidates) {
    if (city.id === undefined) continue;
    if (address.state === undefined) return { id: city.id, uf: city.uf ?? '' };
    const uf = await conn.client.byId('uf', city.uf ?? '', call);
    if (uf?.sigla === address.state) return { id: city.id, uf: city.uf ?? '' };
  }
  const fallbackId = fallback ? conn.settings.default_city_id : undefined;
  if (fallbackId === undefined) return null;
  const city = await conn.client.byId('cidade', fallbackId, call);
  return { id: fallbackId, uf: city?.uf ?? '' };
}
