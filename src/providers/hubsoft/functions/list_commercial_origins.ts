// list_commercial_origins: the tenant's commercial_origins when it has any, else Hubsoft's origens
// de cliente.
import { text } from '../../kit/edge.js';
import { hubsoftFunction } from '../connection.js';

export const listCommercialOrigins = hubsoftFunction(
  'list_commercial_origins',
  async (conn, _input, call) => {
    if (conn.options.commercial_origins.length > 0) return conn.options.commercial_origins;
    const list = await conn.client.readList('configuracao/origem_cliente', 'origens_cliente', {}, call);
    return list.flatMap((o) => {
      const code = text(o.id_origem_cliente);
      return code === '' ? [] : [{ code, description: text(o.descricao) }];
    });
  },
);
