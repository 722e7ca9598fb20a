import type { FunctionOutput } from '../../../contract/index.js';
import { formatMoney } from '../../../brasil/money.js';
import type { ProviderFunction } from '../../types.js';
import type { HubsoftConnection } from '../connection.js';
import { text } from '../mappers.js';
import { plansAt } from '../sales.js';

/**
 * With sales_zip_code, the plans Hubsoft sells at that CEP, with their prices (prospecto/create);
 * otherwise every active serviço (configuracao/servico), which Hubsoft lists without prices.
 */
export const listProducts: ProviderFunction<HubsoftConnection, 'list_products'> = async (
  conn,
  _input,
  call,
) => {
  const cep = conn.settings.sales_zip_code;
  if (cep !== undefined) {
    return (await plansAt(conn, cep, call)).map((p) => ({
      codigo: String(p.id),
      nome: p.name,
      valor: formatMoney(p.valorCents),
    }));
  }
  const list = (await conn.client.readList('configuracao/servico', 'servicos', {}, call)) as Record<
    string,
    unknown
  >[];
  return list.flatMap((s): FunctionOutput<'list_products'> => {
    const codigo = text(s.id_servico);
    return codigo === '' ? [] : [{ codigo, nome: text(s.descricao) }];
  });
};
