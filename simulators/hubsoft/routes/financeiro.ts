// The financeiro routes: faturas (paginated) and their liquidation.
import { addDays, isIsoDate } from '../../../src/brasil/dates.js';
import type { HubsoftData, SimBill } from '../seed.js';
import { billView, br, moneyNumber } from '../views.js';
import { digits, fail, money, ok, positiveInt } from './context.js';
import type { Reply, RouteContext } from './context.js';
import { byDue, requireSearch } from './search.js';

function pageParams(ctx: RouteContext): { page: number; perPage: number } | Reply {
  const page = Number(ctx.query.get('pagina') ?? '0');
  const perPage = Number(ctx.query.get('itens_por_pagina') ?? '50');
  if (!Number.isInteger(page) || page < 0) return fail('O parâmetro pagina deve ser um número inteiro.');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 500) {
    return fail('O parâmetro itens_por_pagina deve ser um valor entre 1 e 500.');
  }
  return { page, perPage };
}

export function financeiroFatura(ctx: RouteContext): Reply {
  const paging = pageParams(ctx);
  if ('status' in paging) return paging;
  const { data } = ctx.state;
  let bills = data.bills;
  if (ctx.query.get('busca') !== null && ctx.query.get('busca') !== '') {
    const found = requireSearch(ctx, ['id_cliente', 'codigo_cliente', 'cpf_cnpj', 'id_cliente_servico']);
    if (!Array.isArray(found)) return found;
    const ids = new Set(found.map((c) => c.id_cliente));
    const serviceId =
      ctx.query.get('busca') === 'id_cliente_servico' ? Number(ctx.query.get('termo_busca')) : null;
    bills = bills.filter(
      (b) => ids.has(b.id_cliente) && (serviceId === null || b.id_cliente_servico === serviceId),
    );
  }
  const documento = ctx.query.get('documento');
  if (documento !== null && documento !== '' && digits(documento) !== data.company.cnpj) bills = [];
  const dateType = ctx.query.get('tipo_data') ?? 'data_vencimento';
  if (!['data_vencimento', 'data_pagamento', 'data_cadastro'].includes(dateType)) {
    return fail(
      'O parâmetro tipo_data deve conter um dos valores: data_vencimento, data_pagamento, data_cadastro.',
    );
  }
  const from = ctx.query.get('data_inicio') || addDays(ctx.today, -10);
  const to = ctx.query.get('data_fim') || ctx.today;
  if (!isIsoDate(from) || !isIsoDate(to)) return fail('As datas devem estar no formato YYYY-MM-DD.');
  const dateOf = (b: SimBill) =>
    (dateType === 'data_pagamento'
      ? b.data_pagamento
      : dateType === 'data_cadastro'
        ? b.data_cadastro
        : b.data_vencimento
    )?.slice(0, 10) ?? null;
  bills = bills.filter((b) => {
    const d = dateOf(b);
    return d !== null && d >= from && d <= to;
  });
  if (ctx.query.get('apenas_em_aberto') === 'sim') bills = bills.filter((b) => b.data_pagamento === null);
  if (ctx.query.get('apenas_quitado') === 'sim') bills = bills.filter((b) => b.data_pagamento !== null);
  bills = [...bills].sort(byDue(ctx.query.get('order_type') === 'desc'));
  const { page, perPage } = paging;
  const detailed = ctx.query.get('tipo_resultado') === 'detalhado';
  const withPix = ctx.query.get('exibir_pix_copia_cola') === 'sim';
  return ok('Dados consultados com sucesso', {
    paginacao: {
      primeira_pagina: 0,
      ultima_pagina: Math.max(0, Math.ceil(bills.length / perPage) - 1),
      pagina_atual: page,
      total_registros: bills.length,
    },
    faturas: bills
      .slice(page * perPage, (page + 1) * perPage)
      .map((b) => billView(data, b, ctx.baseUrl, detailed, withPix)),
  });
}

export function liquidar(ctx: RouteContext): Reply {
  const { data } = ctx.state;
  const b = ctx.body;
  const errors: string[] = [];
  const billId = positiveInt(b.id_fatura);
  const caixaId = positiveInt(b.id_caixa_financeiro);
  const paidOn = typeof b.data_pagamento === 'string' ? b.data_pagamento : '';
  const paid = money(b.valor_pago);
  if (billId === null) errors.push('O campo id_fatura é obrigatório.');
  if (caixaId === null) errors.push('O campo id_caixa_financeiro é obrigatório.');
  if (!isIsoDate(paidOn))
    errors.push('O campo data_pagamento é obrigatório e deve estar no formato YYYY-MM-DD.');
  if (paid === null || paid === 0) errors.push('O campo valor_pago é obrigatório e deve ser numérico.');
  const creditOn = typeof b.data_credito === 'string' && b.data_credito !== '' ? b.data_credito : paidOn;
  if (!isIsoDate(creditOn) && paidOn !== '')
    errors.push('O campo data_credito deve estar no formato YYYY-MM-DD.');
  if (errors.length > 0) return fail('Dados inválidos', 400, errors);
  const method =
    typeof b.meio_pagamento === 'string' && b.meio_pagamento !== '' ? b.meio_pagamento : 'dinheiro';
  if (!data.meiosPagamento.some((m) => m.prefixo === method))
    return fail(`O meio de pagamento ${method} não foi encontrado.`);
  if (!data.caixas.some((c) => c.id_caixa_financeiro === caixaId))
    return fail(`O caixa financeiro de ID ${caixaId} não foi encontrado.`, 404);
  const bill = data.bills.find((x) => x.id_fatura === billId);
  if (bill === undefined) return fail(`A fatura de ID ${billId} não foi encontrada.`, 404);
  if (bill.data_pagamento !== null) {
    return fail(
      `A fatura de ID ${bill.id_fatura} já encontra-se quitada com data de pagamento em ${br(bill.data_pagamento)}`,
    );
  }
  const tarifa = money(b.tarifa) ?? 0;
  const receipt = {
    id_recibo: ++data.next.receipt,
    numero_recibo: `${(0x622fffb79b000 + data.next.receipt).toString(16)}`,
    id_caixa_financeiro: caixaId!,
    meio_pagamento: method,
    valorCents: paid!,
    tarifaCents: tarifa,
    data_pagamento: paidOn,
    data_credito: creditOn,
    data_cadastro: `${ctx.today} 12:00:00`,
  };
  bill.recibos.push(receipt);
  bill.data_pagamento = paidOn;
  bill.data_credito = creditOn;
  bill.valorPagoCents = paid;
  bill.pix = null;
  releaseIfClear(data, bill.id_cliente_servico, ctx.today);
  const customer = data.customers.find((c) => c.id_cliente === bill.id_cliente)!;
  return ok('Liquidação efetuada com sucesso', {
    recibo: {
      id_recibo: receipt.id_recibo,
      numero_recibo: receipt.numero_recibo,
      data_pagamento: paidOn,
      data_credito: creditOn,
      valor_pago: moneyNumber(paid!),
      tarifa: moneyNumber(tarifa),
      cliente: {
        codigo_cliente: customer.codigo_cliente,
        nome_razaosocial: customer.nome_razaosocial,
        cpf_cnpj: customer.cpf_cnpj,
      },
    },
  });
}

/** Paying the last overdue bill of a service suspended for debt enables it again. */
function releaseIfClear(data: HubsoftData, serviceId: number, today: string): void {
  const service = data.services.find((s) => s.id_cliente_servico === serviceId);
  if (
    service === undefined ||
    (service.status !== 'suspenso_debito' && service.status !== 'suspenso_parcialmente')
  )
    return;
  const overdue = data.bills.some(
    (b) => b.id_cliente_servico === serviceId && b.data_pagamento === null && b.data_vencimento < today,
  );
  if (!overdue) service.status = 'servico_habilitado';
}
