// Finding customers (busca + termo_busca) and ordering faturas, which the cliente and financeiro
// routes share.
import type { HubsoftData, SimBill, SimCustomer, SimService } from '../seed.js';
import { digits, fail, positiveInt } from './context.js';
import type { Reply, RouteContext } from './context.js';

export function servicesOf(data: HubsoftData, customer: SimCustomer): SimService[] {
  return data.services.filter((s) => s.id_cliente === customer.id_cliente);
}

export function customerOfService(data: HubsoftData, id: number): SimCustomer | undefined {
  const service = data.services.find((s) => s.id_cliente_servico === id);
  return service === undefined ? undefined : data.customers.find((c) => c.id_cliente === service.id_cliente);
}

/** Customers matched by `busca`/`termo_busca` (the search style of the cliente routes). */
export function searchCustomers(data: HubsoftData, busca: string, termo: string): SimCustomer[] | string {
  const term = termo.trim();
  switch (busca) {
    case 'cpf_cnpj':
      return data.customers.filter((c) => c.cpf_cnpj === digits(term));
    case 'codigo_cliente':
      return data.customers.filter((c) => String(c.codigo_cliente) === term);
    case 'id_cliente':
      return data.customers.filter((c) => String(c.id_cliente) === term);
    case 'id_cliente_servico': {
      const customer = customerOfService(data, Number(term));
      return customer === undefined ? [] : [customer];
    }
    case 'nome_razaosocial':
      return data.customers.filter((c) => c.nome_razaosocial.toLowerCase().includes(term.toLowerCase()));
    case 'telefone':
      return data.customers.filter((c) =>
        [c.telefone_primario, c.telefone_secundario].includes(digits(term)),
      );
    default:
      return `O parâmetro busca deve conter um dos valores permitidos.`;
  }
}

export function requireSearch(ctx: RouteContext, allowed: string[]): SimCustomer[] | Reply {
  const busca = ctx.query.get('busca') ?? '';
  const termo = ctx.query.get('termo_busca') ?? '';
  if (busca === '' || termo === '') return fail('Os parâmetros busca e termo_busca são obrigatórios.');
  if (!allowed.includes(busca))
    return fail(`O parâmetro busca deve conter um dos valores: ${allowed.join(', ')}.`);
  const found = searchCustomers(ctx.state.data, busca, termo);
  return typeof found === 'string' ? fail(found) : found;
}

export function limitParam(ctx: RouteContext, fallback: number, max: number): number | Reply {
  const raw = ctx.query.get('limit');
  if (raw === null || raw === '') return fallback;
  const n = positiveInt(raw);
  return n === null || n > max ? fail(`O parâmetro limit deve ser um valor entre 1 e ${max}.`) : n;
}

export function byDue(desc: boolean) {
  return (a: SimBill, b: SimBill) => {
    const order = a.data_vencimento.localeCompare(b.data_vencimento) || a.id_fatura - b.id_fatura;
    return desc ? -order : order;
  };
}
