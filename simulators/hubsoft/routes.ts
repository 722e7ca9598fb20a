// The simulated Hubsoft's routes: what each one validates and answers, following the official
// docs' request and response examples. Business errors are `{status:"error", msg, errors?}`; the
// docs never show their HTTP status, so the simulator answers them with 400 (validation included)
// and 404 for unknown ids, and the provider must read the body whatever the status.
import { addDays, daysBetween, isIsoDate } from '../../src/brasil/dates.js';
import type { HubsoftData, SimBill, SimCustomer, SimService } from './seed.js';
import type { HubsoftState } from './state.js';
import {
  billView,
  br,
  customerBillView,
  customerView,
  moneyNumber,
  nfseView,
  telecomInvoiceView,
} from './views.js';

export interface RouteContext {
  state: HubsoftState;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The simulator's own URL, for the links it prints. */
  baseUrl: string;
  today: string;
}

export interface Reply {
  status: number;
  json: unknown;
}

export type Handler = (ctx: RouteContext) => Reply;

const ok = (
  msg: string,
  payload: Record<string, unknown>,
  status: 'success' | 'suscess' = 'success',
): Reply => ({
  status: 200,
  json: { status, msg, ...payload },
});

const fail = (msg: string, status = 400, errors: string[] = []): Reply => ({
  status,
  json: { status: 'error', msg, errors },
});

/** A JSON string or number as trimmed text; '' for anything else. */
const scalar = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';

const digits = (value: unknown) =>
  (typeof value === 'string' || typeof value === 'number' ? String(value) : '')
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase();

function positiveInt(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+$/.test(value.trim())
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function money(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : null;
}

function servicesOf(data: HubsoftData, customer: SimCustomer): SimService[] {
  return data.services.filter((s) => s.id_cliente === customer.id_cliente);
}

function customerOfService(data: HubsoftData, id: number): SimCustomer | undefined {
  const service = data.services.find((s) => s.id_cliente_servico === id);
  return service === undefined ? undefined : data.customers.find((c) => c.id_cliente === service.id_cliente);
}

/** Customers matched by `busca`/`termo_busca` (the search style of the cliente routes). */
function searchCustomers(data: HubsoftData, busca: string, termo: string): SimCustomer[] | string {
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

function requireSearch(ctx: RouteContext, allowed: string[]): SimCustomer[] | Reply {
  const busca = ctx.query.get('busca') ?? '';
  const termo = ctx.query.get('termo_busca') ?? '';
  if (busca === '' || termo === '') return fail('Os parâmetros busca e termo_busca são obrigatórios.');
  if (!allowed.includes(busca))
    return fail(`O parâmetro busca deve conter um dos valores: ${allowed.join(', ')}.`);
  const found = searchCustomers(ctx.state.data, busca, termo);
  return typeof found === 'string' ? fail(found) : found;
}

function limitParam(ctx: RouteContext, fallback: number, max: number): number | Reply {
  const raw = ctx.query.get('limit');
  if (raw === null || raw === '') return fallback;
  const n = positiveInt(raw);
  return n === null || n > max ? fail(`O parâmetro limit deve ser um valor entre 1 e ${max}.`) : n;
}

// ---------------------------------------------------------------- cliente

function cliente(ctx: RouteContext): Reply {
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

function clienteFinanceiro(ctx: RouteContext): Reply {
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

function byDue(desc: boolean) {
  return (a: SimBill, b: SimBill) => {
    const order = a.data_vencimento.localeCompare(b.data_vencimento) || a.id_fatura - b.id_fatura;
    return desc ? -order : order;
  };
}

function clienteNotaFiscal(ctx: RouteContext): Reply {
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

function desbloqueioConfianca(ctx: RouteContext): Reply {
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

// ---------------------------------------------------------------- financeiro

function pageParams(ctx: RouteContext): { page: number; perPage: number } | Reply {
  const page = Number(ctx.query.get('pagina') ?? '0');
  const perPage = Number(ctx.query.get('itens_por_pagina') ?? '50');
  if (!Number.isInteger(page) || page < 0) return fail('O parâmetro pagina deve ser um número inteiro.');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 500) {
    return fail('O parâmetro itens_por_pagina deve ser um valor entre 1 e 500.');
  }
  return { page, perPage };
}

function financeiroFatura(ctx: RouteContext): Reply {
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

function liquidar(ctx: RouteContext): Reply {
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

// ---------------------------------------------------------------- atendimento

function atendimento(ctx: RouteContext): Reply {
  const { data } = ctx.state;
  const b = ctx.body;
  const errors: string[] = [];
  const serviceId = positiveInt(b.id_cliente_servico);
  if (serviceId === null) errors.push('O campo id_cliente_servico é obrigatório.');
  for (const field of ['descricao', 'nome', 'telefone']) {
    if (typeof b[field] !== 'string' || b[field].trim() === '')
      errors.push(`O campo ${field} é obrigatório.`);
  }
  if (typeof b.telefone === 'string' && b.telefone !== '' && !/^\d{10,11}$/.test(b.telefone)) {
    errors.push('O campo telefone deve estar no formato DDNNNNNNNNN.');
  }
  if (
    b.email !== undefined &&
    b.email !== null &&
    !(typeof b.email === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(b.email))
  ) {
    errors.push('O campo email deve ser um endereço de e-mail válido.');
  }
  if (errors.length > 0) return fail('Dados inválidos', 400, errors);
  const service = data.services.find((s) => s.id_cliente_servico === serviceId);
  if (service === undefined) return fail('Serviço do cliente não encontrado.', 404);
  const typeId =
    b.id_tipo_atendimento === undefined || b.id_tipo_atendimento === null
      ? 1
      : positiveInt(b.id_tipo_atendimento);
  const type = data.tiposAtendimento.find((t) => t.id_tipo_atendimento === typeId);
  if (type === undefined) return fail('O tipo de atendimento informado não foi encontrado.', 404);
  const id = ++data.next.ticket;
  const protocolo = `${ctx.today.replace(/-/g, '')}${String(id).padStart(7, '0')}`;
  data.tickets.push({
    id_atendimento: id,
    protocolo,
    id_cliente_servico: service.id_cliente_servico,
    body: b,
    created_at: ctx.today,
  });
  const customer = data.customers.find((c) => c.id_cliente === service.id_cliente)!;
  const brief = {
    codigo_cliente: customer.codigo_cliente,
    nome_razaosocial: customer.nome_razaosocial,
    cpf_cnpj: customer.cpf_cnpj,
  };
  const description = `${String(b.descricao)} | ATENDIMENTO ABERTO VIA API`;
  const withOrder = b.abrir_os === true;
  return ok(
    `Atendimento aberto com sucesso. Anote o protocolo: ${protocolo}.${withOrder ? ' Foi aberto também uma ordem de serviço e encaminhada ao setor responsável' : ''}`,
    {
      atendimento: {
        id_atendimento: id,
        protocolo,
        descricao_abertura: description,
        descricao_fechamento: null,
        tipo_atendimento: type.descricao,
        usuario_abertura: 'Integração API',
        usuario_responsavel: 'Integração API',
        usuario_fechamento: null,
        data_cadastro: br(ctx.today),
        data_fechamento: null,
        setor_responsavel: null,
        status_fechamento: null,
        motivo_fechamento: null,
        status: 'Aguardando Análise',
        cliente: brief,
        ordens_servico: withOrder
          ? [
              {
                id_ordem_servico: id + 40,
                numero_ordem_servico: String(id + 20),
                tipo: 'ABERTURA VIA API',
                status: 'aguardando_agendamento',
                descricao_abertura: description,
                cliente: brief,
              },
            ]
          : [],
      },
    },
  );
}

// ---------------------------------------------------------------- prospecto

function cityOfCep(data: HubsoftData, cep: string) {
  return data.cities.find((c) => cep >= c.cepFrom && cep <= c.cepTo);
}

function prospectoCreate(ctx: RouteContext): Reply {
  const cep = digits(ctx.query.get('cep'));
  if (cep === '') return fail('CEP não informado.');
  const city = cityOfCep(ctx.state.data, cep);
  if (city === undefined) return fail('Nenhuma cidade foi encontrada com esse CEP.');
  const servicos = ctx.state.data.plans
    .filter((p) => city.servicos.includes(p.id_servico))
    .map((p) => ({
      id_servico: p.id_servico,
      descricao: p.descricao,
      valor: moneyNumber(p.valorCents),
      nome_radius: `HUBSOFT-SERVICE-${p.id_servico}`,
      display: `${p.descricao} - (R$ ${(p.valorCents / 100).toFixed(2)})`,
      velocidade_download: p.download,
      velocidade_upload: p.upload,
    }));
  return ok('Dados consultados com sucesso', { servicos });
}

const PROSPECT_REQUIRED = [
  'cep',
  'nome_razaosocial',
  'telefone',
  'tipo_pessoa',
  'bairro',
  'endereco',
  'numero',
];

function prospecto(ctx: RouteContext): Reply {
  const { data } = ctx.state;
  const b = ctx.body;
  const errors = PROSPECT_REQUIRED.filter((f) => scalar(b[f]) === '').map(
    (f) => `O campo ${f} é obrigatório.`,
  );
  const servico = (b.servico ?? {}) as Record<string, unknown>;
  if (positiveInt(servico.id_servico) === null) errors.push('O campo servico.id_servico é obrigatório.');
  if (money(servico.valor) === null) errors.push('O campo servico.valor é obrigatório.');
  if (b.tipo_pessoa !== undefined && b.tipo_pessoa !== 'pf' && b.tipo_pessoa !== 'pj')
    errors.push('O campo tipo_pessoa deve ser pf ou pj.');
  if (errors.length > 0) return fail('Dados inválidos', 400, errors);
  const document =
    b.cpf_cnpj === undefined || b.cpf_cnpj === null || b.cpf_cnpj === '' ? null : digits(b.cpf_cnpj);
  const duplicate = document === null ? undefined : data.prospects.find((p) => p.cpf_cnpj === document);
  if (duplicate !== undefined)
    return fail(`O CPF/CNPJ já foi cadastrado antes no prospecto ${duplicate.nome_razaosocial}`);
  if (cityOfCep(data, digits(b.cep)) === undefined)
    return fail('Nenhuma cidade foi encontrada com esse CEP.');
  if (!data.plans.some((p) => p.id_servico === positiveInt(servico.id_servico)))
    return fail('O serviço informado não foi encontrado.', 404);
  const refs: [string, (id: number) => boolean, string][] = [
    [
      'id_vencimento',
      (id) => data.vencimentos.some((v) => v.id_vencimento === id),
      'O vencimento informado não foi encontrado.',
    ],
    [
      'id_vendedor',
      (id) => data.vendedores.some((v) => v.id === id),
      'O vendedor informado não foi encontrado.',
    ],
    [
      'id_origem_cliente',
      (id) => data.origens.some((o) => o.id_origem_cliente === id),
      'A origem do cliente informada não foi encontrada.',
    ],
    ['id_crm', (id) => data.crms.some((c) => c.id_crm === id), 'O CRM informado não foi encontrado.'],
  ];
  for (const [field, exists, message] of refs) {
    if (b[field] === undefined || b[field] === null || b[field] === '') continue;
    const id = positiveInt(b[field]);
    if (id === null || !exists(id)) return fail(message, 404);
  }
  const id = ++data.next.prospect;
  const name = String(b.nome_razaosocial).toUpperCase();
  const now = `${ctx.today} 10:27:56`;
  data.prospects.push({
    id_prospecto: id,
    body: b,
    nome_razaosocial: name,
    cpf_cnpj: document,
    created_at: now,
  });
  return ok('Prospecto adicionado com sucesso', {
    prospecto: {
      nome_razaosocial: name,
      telefone: String(b.telefone),
      email: b.email ?? null,
      observacao: b.observacao ?? null,
      id_endereco_numero: 33000 + id,
      tipo_pessoa: b.tipo_pessoa,
      cpf_cnpj: document,
      id_usuario: 1,
      origem: 'API',
      updated_at: now,
      created_at: now,
      id_prospecto: id,
      created_at_br: br(ctx.today),
      prospecto_servico: {
        id_prospecto_servico: id - 1,
        id_prospecto: id,
        id_servico: positiveInt(servico.id_servico),
        valor: String(servico.valor),
      },
    },
  });
}

function prospectoAll(ctx: RouteContext): Reply {
  return ok('Dados consultados com sucesso', {
    prospectos: ctx.state.data.prospects.map((p) => ({
      id_prospecto: p.id_prospecto,
      nome_razaosocial: p.nome_razaosocial,
      cpf_cnpj: p.cpf_cnpj,
      email: p.body.email ?? null,
      telefone: p.body.telefone ?? null,
      observacao: p.body.observacao ?? null,
      created_at: p.created_at,
      origem: 'API',
      created_at_br: br(p.created_at.slice(0, 10)),
    })),
  });
}

// ---------------------------------------------------------------- configuração

function list(
  msg: string,
  key: string,
  pick: (data: HubsoftData) => unknown[],
  extra: Record<string, unknown> = {},
): Handler {
  return (ctx) => ok(msg, { [key]: pick(ctx.state.data), ...extra });
}

export const routes: Record<string, Handler> = {
  'GET /api/v1/integracao/cliente': cliente,
  'GET /api/v1/integracao/cliente/financeiro': clienteFinanceiro,
  'GET /api/v1/integracao/cliente/nota_fiscal': clienteNotaFiscal,
  'POST /api/v1/integracao/cliente/desbloqueio_confianca': desbloqueioConfianca,
  'GET /api/v1/integracao/financeiro/fatura': financeiroFatura,
  'POST /api/v1/integracao/financeiro/fatura/liquidar': liquidar,
  'POST /api/v1/integracao/atendimento': atendimento,
  'GET /api/v1/integracao/prospecto/create': prospectoCreate,
  'GET /api/v1/integracao/prospecto/all': prospectoAll,
  'POST /api/v1/integracao/prospecto': prospecto,
  'GET /api/v1/integracao/crm/all': list('Dados consultados com sucesso', 'crms', (d) => d.crms),
  'GET /api/v1/integracao/configuracao/caixa_financeiro': list(
    'Caixas Finaceiros consultados com sucesso',
    'caixas_financeiro',
    (d) => d.caixas,
  ),
  'GET /api/v1/integracao/configuracao/meio_pagamento': list(
    'Meios de Pagamento consultados com sucesso',
    'meios_pagamento',
    (d) => d.meiosPagamento,
  ),
  'GET /api/v1/integracao/configuracao/tipo_atendimento': list(
    'Dados consultados com sucesso',
    'tipos_atendimento',
    (d) => d.tiposAtendimento,
  ),
  'GET /api/v1/integracao/configuracao/vencimento': list(
    'Vencimentos consultados com sucesso',
    'vencimentos',
    (d) => d.vencimentos,
  ),
  'GET /api/v1/integracao/configuracao/vendedor': list(
    'Vendedores consultados com sucesso',
    'vendedores',
    (d) => d.vendedores,
  ),
  'GET /api/v1/integracao/configuracao/origem_cliente': list(
    'Dados consultados com sucesso',
    'origens_cliente',
    (d) => d.origens,
    { encrypted: false },
  ),
  'GET /api/v1/integracao/configuracao/motivo_contratacao': list(
    'Dados consultados com sucesso',
    'motivos_contratacao',
    (d) => d.motivos,
    { encrypted: false },
  ),
  'GET /api/v1/integracao/configuracao/servico': list(
    'Serviços Ativos consultados com sucesso',
    'servicos',
    (d) =>
      d.plans.map((p) => ({
        id_servico: p.id_servico,
        descricao: p.descricao,
        id_servico_tecnologia: p.tecnologia.id,
        servico_tecnologia: { id_servico_tecnologia: p.tecnologia.id, descricao: p.tecnologia.descricao },
      })),
  ),
  'GET /api/v1/integracao/configuracao/empresa': list('Empresas consultados com sucesso', 'empresas', (d) => [
    {
      id_empresa: d.company.id_empresa,
      nome_razaosocial: d.company.nome_razaosocial,
      cnpj: d.company.cnpj,
      display: `${d.company.nome_razaosocial} (CNPJ: ${d.company.cnpj})`,
    },
  ]),
};
