import { formatMoney } from '../../../brasil/money.js';
import { contractTypes, priceLists } from '../catalogue.js';
import { voalleFunction } from '../client.js';

/**
 * products_from "contract_types" (default): the services of contract_type (every type when unset)
 * of crm/contracttypesandservices, priced from the configured price list when it lists them;
 * "price_list": the products of crm_campaign_code / crm_price_list_code (the first list when unset).
 * Voalle gives no speed. An empty list is what Voalle answers when no contract type has its
 * Integração flag on: a warning says so.
 */
export const listProducts = voalleFunction('list_products', async (conn, _input, call) => {
  const s = conn.settings;
  const lists = await priceLists(conn, call).catch(() => []);
  const chosen =
    lists.find(
      (l) =>
        (s.crm_campaign_code === undefined || l.campaignCode === s.crm_campaign_code) &&
        (s.crm_price_list_code === undefined || l.code === s.crm_price_list_code),
    ) ?? lists[0];
  const price = new Map((chosen?.products ?? []).map((p) => [p.code, p.priceCents]));
  const withPrice = (code: string, nome: string) => {
    const cents = price.get(code);
    return cents === null || cents === undefined
      ? { codigo: code, nome }
      : { codigo: code, nome, valor: formatMoney(cents) };
  };
  if (s.products_from === 'price_list')
    return (chosen?.products ?? []).map((p) => withPrice(p.code, p.title));
  const types = (await contractTypes(conn, call)).filter(
    (t) => s.contract_type === undefined || t.code === s.contract_type,
  );
  if (types.length === 0)
    call.warn('Voalle lists no contract type: enable Parâmetros → Integração on the contract types to sell');
  const seen = new Set<string>();
  return types
    .flatMap((t) => t.services)
    .filter((svc) => !seen.has(svc.code) && seen.add(svc.code) !== undefined)
    .map((svc) => withPrice(svc.code, svc.title));
});
