// list_resellers: the vendedores; Hubsoft gives only id and name, so taxvat and email are "".
import { text } from '../../kit/edge.js';
import { hubsoftFunction } from '../connection.js';

export const listResellers = hubsoftFunction('list_resellers', async (conn, _input, call) =>
  (await conn.client.readList('configuracao/vendedor', 'vendedores', {}, call)).flatMap((v) => {
    const code = text(v.id);
    return code === '' ? [] : [{ code, name: text(v.name), taxvat: '', email: '' }];
  }),
);
