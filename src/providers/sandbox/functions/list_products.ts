import { formatMoney } from '../../../brasil/money.js';
import { readFunction } from '../declare.js';

/** The plans on sale, with their monthly price (the `valor` extension). */
export const listProducts = readFunction('list_products', (conn) =>
  conn.q.products.all().map((p) => ({ codigo: p.code, nome: p.name, valor: formatMoney(p.price_cents) })),
);
