import { formatMoney } from '../../../brasil/money.js';
import type { ProviderFunction } from '../../types.js';
import type { IxcConnection } from '../connection.js';
import { cents } from '../mappers.js';

/** Sale plans that are active (vd_contratos.Ativo S), with their monthly price. */
export const listProducts: ProviderFunction<IxcConnection, 'list_products'> = async (conn, _input, call) => {
  const rows = await conn.client.list('vd_contratos', [{ column: 'Ativo', value: 'S' }], call);
  return rows
    .filter((r) => r.Ativo === 'S')
    .map((r) => ({ codigo: r.id ?? '', nome: r.nome ?? '', valor: formatMoney(cents(r.valor_contrato)) }));
};
