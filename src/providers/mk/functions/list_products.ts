import { formatMoney } from '../../../brasil/money.js';
import { cents } from '../../kit/index.js';
import { mkFunction } from '../connect.js';

/** The tenant's products, with prices: WSMKListaPlanoAcesso exists but its answer is not recorded. */
export const listProducts = mkFunction('list_products', (conn) =>
  Promise.resolve(
    conn.settings.products.map((p) => {
      const price = p.price === undefined ? null : cents(p.price);
      return { codigo: p.code, nome: p.name, ...(price === null ? {} : { valor: formatMoney(price) }) };
    }),
  ),
);
