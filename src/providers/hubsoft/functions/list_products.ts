// list_products: with sales_zip_code, the plans Hubsoft sells at that CEP, with their prices
// (prospecto/create); otherwise every active serviço (configuracao/servico), listed without prices.
import { formatMoney } from '../../../brasil/money.js';
import { text } from '../../kit/edge.js';
import { hubsoftFunction } from '../connection.js';
import { plansAt } from '../sales.js';

export const listProducts = hubsoftFunction('list_products', async (conn, _input, call) => {
  const cep = conn.settings.sales_zip_code;
  if (cep !== undefined) {
    return (await plansAt(conn, cep, call)).map((p) => ({
      codigo: String(p.id),
      nome: p.name,
      valor: formatMoney(p.valorCents),
    }));
  }
  const list = await conn.client.readList('configuracao/servico', 'servicos', {}, call);
  return list.flatMap((s) => {
    const codigo = text(s.id_servico);
    return codigo === '' ? [] : [{ codigo, nome: text(s.descricao) }];
  });
});
