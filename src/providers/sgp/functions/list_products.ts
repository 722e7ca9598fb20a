import { formatMoney } from '../../../brasil/money.js';
import { sgpFunction } from '../client.js';
import { plans } from '../catalogue.js';

/** The plans a pre-registration can name, with their monthly price (SGP gives no speed). */
export const listProducts = sgpFunction('list_products', async (conn, _input, call) =>
  (await plans(conn, call)).map((p) => ({
    codigo: p.id,
    nome: p.label,
    ...(p.price === null ? {} : { valor: formatMoney(p.price) }),
  })),
);
