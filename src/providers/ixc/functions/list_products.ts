import { formatMoney } from '../../../brasil/money.js';
import { cents } from '../../kit/edge.js';
import { ixcFunction } from '../connection.js';

/** Sale plans that are active (vd_contratos.Ativo S), with their monthly price. */
export const listProducts = ixcFunction('list_products', async (conn, _input, call) => {
  const rows = await conn.client.list('vd_contratos', [{ column: 'Ativo', value: 'S' }], call);
  return rows
    .filter((r) => r.Ativo === 'S')
    .map((r) => ({
      codigo: r.id ?? '',
      nome: r.nome ?? '',
      valor: formatMoney(cents(r.valor_contrato) ?? 0),
    }));
});
