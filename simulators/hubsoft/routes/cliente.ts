// The cliente routes: search, the per-customer faturas (cliente/financeiro), notas fiscais and
// the desbloqueio em confiança.
import { addDays, daysBetween, isIsoDate } from '../../../src/brasil/dates.js';
import { br, customerBillView, customerView, nfseView, telecomInvoiceView } from '../views.js';
import { fail, ok, positiveInt } from './context.js';
import type { Reply, RouteContext } from './context.js';
import { byDue, limitParam, requireSearch, servicesOf } from './search.js';

export function cliente(ctx: RouteContext): Reply {
  const found = requireSearch(ctx, [
    'nome_razaosocial',
    'nome_fantasia',
    'cpf_cnpj',
    'codigo_cliente',
    'telefone',
    'id_cliente_servico',
  ]);
  if (!Array.isArray(found)) return found;
  const limit = limitParam(ctx, 5, 100);
  if (typeof limit !== 'number') return limit;
  const inativo = ctx.query.get('inativo') ?? 'nao';
  const cancelled = ctx.query.get('cancelado') === 'sim';
  const status = ctx.query.get('servico_status') ?? '';
  const data = ctx.state.data;
  const clientes = found
    .filter((c) => inativo === 'todos' || (inativo === 'sim' ? !c.ativo : c.ativo))
    .map((c) => ({ c, services: servicesOf(data, c).filter((s) => cancelled || s.status !== 'cancelado') }))
    .filter(({ services }) => status === '' || services.some((s) => s.status === status))
    .slice(0, limit)
    .map(({ c, services }) => customerView(c, services));
  return ok('Dados consultados com sucesso', { clientes });
}

export function clienteFinanceiro(ctx: RouteContext): Reply {
  const found = requireSearch(ctx, ['cpf_cnpj', 'codigo_cliente', 'id_cliente_servico']);
  if (!Array.isArray(found)) return found;
  const limit = limitParam(ctx, 20, 50);
  if (typeof limit !== 'number') return limit;
  const pendingOnly = (ctx.query.get('apenas_pendente') ?? 'sim') === 'sim';
  const ids = new Set(found.map((c) => c.id_cliente));
  const serviceId =
    ctx.query.get('busca') === 'id_cliente_servico' ? Number(ctx.query.get('termo_busca')) : null;
  const faturas = ctx.state.data.bills
    .filter((b) => ids.has(b.id_cliente) && (serviceId === null || b.id_cliente_servico === serviceId))
    .filter((b) => !pendingOnly || b.data_pagamento === null)
    .sort(byDue(ctx.query.get('order_type') === 'desc'))
    .slice(0, limit)
    .map((b) => customerBillView(ctx.state.data, b, ctx.baseUrl));
  // The typo is Hubsoft's own: this route answers "suscess".
  return ok('Dados consultados com sucesso', { faturas }, 'suscess');
}

export function clienteNotaFiscal(ctx: RouteContext): Reply {
  if (ctx.query.get('busca') !== 'id_cliente')
    return fail('O parâmetro busca deve conter o valor id_cliente.');
  const customer = ctx.state.data.customers.find(
    (c) => String(c.id_cliente) === ctx.query.get('termo_busca'),
  );
  if (customer === undefined) return fail('Cliente não encontrado.', 404);
  const from = ctx.query.get('data_inicio') ?? addDays(ctx.today, -60);
  const to = ctx.query.get('data_fim') ?? ctx.today;
  if (!isIsoDate(from) || !isIsoDate(to)) return fail('As datas devem estar no formato YYYY-MM-DD.');
  if (daysBetween(from, to) > 60)
    return fail('O intervalo entre data_inicio e data_fim não pode ser maior que 60 dias.');
  const notes = ctx.state.data.invoices.filter(
    (n) =>
      n.id_cliente === customer.id_cliente && !n.cancelado && n.data_emissao >= from && n.data_emissao <= to,
  );
  return ok('Dados carregados com sucesso', {
    cliente: {
      id_cliente: customer.id_cliente,
      codigo_cliente: customer.codigo_cliente,
      nome_razaosocial: customer.nome_razaosocial,
    },
    notas_fiscais: notes.filter((n) => n.kind === 'telecom').map((n) => telecomInvoiceView(n, ctx.baseUrl)),
    nfes: [],
    nfses: notes.filter((n) => n.kind === 'nfse').map((n) => nfseView(n, ctx.baseUrl)),
  });
}

export function desbloqueioConfianca(ctx: RouteContext): Reply {
  const { data } = ctx.state;
  const id = positiveInt(ctx.body.id_cliente_servico);
  if (id === null)
    return fail('Dados inválidos', 400, [
      'O campo id_cliente_servico é obrigatório e deve ser um número inteiro maior que 0.',
    ]);
  const rawDays = ctx.body.dias_desbloqueio;
  const days = rawDays === undefined || rawDays === null || rawDays === '' ? 1 : positiveInt(rawDays);
  if (days === null)
    return fail('Dados inválidos', 400, ['O campo dias_desbloqueio deve ser um número inteiro maior que 0.']);
  const service = data.services.find((s) => s.id_cliente_servico === id);
  if (service === undefined) return fail('Serviço do cliente não encontrado.', 404);
  if (days > data.trustUnlock.maxDays) {
    return fail(
      `A quantidade de dias informada (${days}) não é permitida, pois ultrapassa a configuração de no máximo ${data.trustUnlock.maxDays} dia(s) para o desbloqueio em confiança.`,
    );
  }
  if (
    service.ultimoDesbloqueio !== null &&
    daysBetween(service.ultimoDesbloqueio, ctx.today) < data.trustUnlock.periodDays
  ) {
    return fail(
      `O desbloqueio em confiança já foi utilizado em ${br(service.ultimoDesbloqueio)}. É permitido apenas um desbloqueio a cada ${data.trustUnlock.periodDays} dias.`,
    );
  }
  if (service.status !== 'suspenso_debito' && service.status !== 'suspenso_parcialmente') {
    return fail('O serviço não está suspenso por débito, portanto não pode ser desbloqueado em confiança.');
  }
  const until = addDays(ctx.today, days);
  service.status = 'servico_habilitado';
  service.ultimoDesbloqueio = ctx.today;
  service.desbloqueadoAte = until;
  return ok(`Desbloqueio em confiança realizado com sucesso até a data ${br(until)}`, {});
}
