// The simulated SGP's API routes. Each answers as the vendor's Postman examples (and the answers
// recorded on real tenants, erp-docs/sgp/clients.md §6) do; answers nobody has recorded are marked
// `unverified`. Fields come as form, multipart or JSON (the server merges body and query).
import { addDays } from '../../src/brasil/dates.js';
import { formatDocument } from '../../src/brasil/document.js';
import type { SgpState } from './state.js';
import type { SimContract, SimCustomer, SimTitle } from './seed.js';
import { contractView, correctedCents, invoiceView, noteView, titleView } from './views.js';

export interface Reply {
  status: number;
  /** A JSON value; `undefined` with `text` for other bodies. */
  json?: unknown;
  text?: string;
}

export interface RouteContext {
  state: SgpState;
  /** Body fields merged over the query string. */
  fields: Record<string, unknown>;
  /** Path parameters (`{id}`). */
  params: string[];
  baseUrl: string;
}

export type Route = (ctx: RouteContext) => Reply;

const ok = (json: unknown): Reply => ({ status: 200, json });
const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
const digitsOf = (v: unknown): string => str(v).replace(/\D/g, '');
const num = (v: unknown): number | null => {
  const s = str(v);
  return /^\d+$/.test(s) ? Number(s) : null;
};

function customerByDocument(ctx: RouteContext, value: unknown): SimCustomer | undefined {
  const doc = digitsOf(value);
  return doc === '' ? undefined : ctx.state.data.customers.find((c) => c.cpfcnpj === doc);
}

function contractById(ctx: RouteContext, value: unknown): SimContract | undefined {
  const id = num(value);
  return id === null ? undefined : ctx.state.data.contracts.find((k) => k.id === id);
}

function customerOf(ctx: RouteContext, k: SimContract): SimCustomer {
  return ctx.state.data.customers.find((c) => c.id === k.clienteId)!;
}

/** A 12-digit protocol (YYMMDDhhmmss-like, as recorded), unique per simulator. */
function protocol(ctx: RouteContext): string {
  const n = ++ctx.state.data.next.protocolo;
  return `${ctx.state.data.today.slice(2).replace(/-/g, '')}${String(140000 + n).padStart(6, '0')}`;
}

// ---------------------------------------------------------------- customers

const consultacliente: Route = (ctx) => {
  const { data } = ctx.state;
  let contracts = data.contracts;
  const f = ctx.fields;
  if (str(f.cpfcnpj) !== '') {
    const c = customerByDocument(ctx, f.cpfcnpj);
    contracts = contracts.filter((k) => k.clienteId === c?.id);
  } else if (str(f.contrato) !== '') {
    contracts = contracts.filter((k) => k.id === num(f.contrato));
  } else if (str(f.nome) !== '') {
    const name = str(f.nome).toUpperCase();
    contracts = contracts.filter((k) => customerOf(ctx, k).nome.includes(name));
  } else {
    // unverified: the refusal text when no filter is given.
    return ok({ status: 0, msg: 'Informe ao menos um filtro (cpfcnpj, contrato, nome, login...)' });
  }
  const statuses = str(f.status)
    .split(',')
    .map(Number)
    .filter((n) => n >= 1 && n <= 7);
  if (statuses.length > 0) contracts = contracts.filter((k) => statuses.includes(k.status));
  // Recorded on a production tenant: an unknown CPF is `{"contratos": []}`, without msg.
  if (contracts.length === 0) return ok({ contratos: [] });
  return ok({ msg: 'Contrato(s) Localizado(s)', contratos: contracts.map((k) => contractView(data, k)) });
};

const contatoAdd: Route = (ctx) => {
  const k = contractById(ctx, ctx.fields.contrato);
  const value = str(ctx.fields.contato);
  // unverified: the refusal bodies; the vendor documents only the parameters.
  if (k === undefined) return ok({ status: 0, msg: 'Contrato não encontrado' });
  if (value === '') return ok({ status: 0, msg: 'Informe o contato' });
  const customer = customerOf(ctx, k);
  const tipo = str(ctx.fields.tipo) || 'CELULAR_PESSOAL';
  if (tipo.startsWith('EMAIL')) customer.emails.push(value);
  else customer.telefones.push(value);
  // unverified: the vendor's example answer is `null`.
  return ok(null);
};

const anotacaoList: Route = (ctx) => {
  const clienteId = num(ctx.fields.cliente_id);
  const contratoId = num(ctx.fields.contrato_id);
  const id = num(ctx.fields.id);
  const notes = ctx.state.data.notes.filter(
    (n) =>
      (clienteId === null || n.clienteId === clienteId) &&
      (contratoId === null || n.contratoId === contratoId) &&
      (id === null || n.id === id),
  );
  return ok(notes.map(noteView));
};

// ---------------------------------------------------------------- titles

const titulos: Route = (ctx) => {
  const { data } = ctx.state;
  const f = ctx.fields;
  let titles = data.titles;
  const tituloId = num(f.titulo_id);
  if (tituloId !== null) titles = titles.filter((t) => t.id === tituloId);
  const clienteId = num(f.cliente_id);
  if (clienteId !== null) titles = titles.filter((t) => t.clienteId === clienteId);
  if (str(f.cpfcnpj) !== '') {
    const c = customerByDocument(ctx, f.cpfcnpj);
    titles = titles.filter((t) => t.clienteId === c?.id);
  }
  const contrato = num(f.contrato);
  if (contrato !== null) titles = titles.filter((t) => t.contratoId === contrato);
  const wanted = { abertos: 'Gerado', pagos: 'Pago', cancelados: 'Cancelado' }[str(f.status)];
  if (wanted !== undefined) titles = titles.filter((t) => t.status === wanted);
  const order = str(f.ordenar) || 'data_vencimento';
  const key = (t: SimTitle) =>
    order === 'data_pagamento'
      ? (t.dataPagamento ?? '')
      : order === 'data_documento'
        ? t.dataEmissao
        : t.dataVencimento;
  titles = [...titles].sort((a, b) => key(a).localeCompare(key(b)) || a.id - b.id);
  if (str(f.ordenar_ordem) === 'desc') titles.reverse();
  const offset = num(f.offset) ?? 0;
  const limit = Math.min(num(f.limit) ?? 250, 250);
  const page = titles.slice(offset, offset + limit);
  return ok({
    paginacao: { offset, limit, parcial: page.length, total: titles.length },
    titulos: page.map((t) => titleView(data, t, ctx.baseUrl)),
  });
};

const STATUS_ID = { Gerado: 1, Pago: 2, Cancelado: 3 } as const;

/** The Central family's list: lowercase keys, a relative link, statusid; default statuses 1 and 2. */
const centralTitulos: Route = (ctx) => {
  const { data } = ctx.state;
  const k = contractById(ctx, ctx.fields.contrato);
  if (k === undefined) return ok({ status: 0, msg: 'Contrato não encontrado' }); // unverified
  const wanted = str(ctx.fields.status) === '' ? [1, 2] : [num(ctx.fields.status) ?? 1];
  const all = data.titles
    .filter((t) => t.contratoId === k.id && wanted.includes(STATUS_ID[t.status]))
    .sort((a, b) => a.dataVencimento.localeCompare(b.dataVencimento));
  const offset = num(ctx.fields.offset) ?? 0;
  const limit = Math.min(num(ctx.fields.limit) ?? 250, 250);
  const page = all.slice(offset, offset + limit);
  return ok({
    paginacao: { offset, limit, parcial: page.length, total: all.length },
    faturas: page.map((t) => ({
      vencimento_atualizado:
        t.status === 'Gerado' && data.today > t.dataVencimento ? data.today : t.dataVencimento,
      status: t.status,
      numero_documento: t.numeroDocumento,
      vencimento: t.dataVencimento,
      link: `/boleto/${t.hash}/`,
      id: t.id,
      data_pagamento: t.dataPagamento,
      statusid: STATUS_ID[t.status],
      valorcorrigido: correctedCents(data, t) / 100,
      valor: t.valorCents / 100,
      codigopix: t.codigoPix,
      gerarpix: t.status === 'Gerado',
      linhadigitavel: t.linhaDigitavel,
    })),
  });
};

const fatura2via: Route = (ctx) => {
  const { data } = ctx.state;
  let contract = contractById(ctx, ctx.fields.contrato);
  if (contract === undefined && str(ctx.fields.cpfcnpj) !== '') {
    const c = customerByDocument(ctx, ctx.fields.cpfcnpj);
    const mine = data.contracts.filter((k) => k.clienteId === c?.id);
    // Recorded on a production tenant.
    if (mine.length > 1) {
      return ok({
        msg: 'Há mais de um contrato para o CPF/CNPJ informado. Favor informar o id do contrato',
        status: 0,
      });
    }
    contract = mine[0];
  }
  // unverified: the text for an unknown customer.
  if (contract === undefined) return ok({ status: 0, msg: 'Cliente não encontrado', links: [] });
  const customer = customerOf(ctx, contract);
  const open = data.titles.filter((t) => t.contratoId === contract.id && t.status === 'Gerado');
  const links = open.map((t) => ({
    linhadigitavel: t.linhaDigitavel,
    fatura: t.id,
    vencimento: data.today > t.dataVencimento ? data.today : t.dataVencimento,
    link: `${ctx.baseUrl}/boleto/${t.hash}/`,
    valor: correctedCents(data, t) / 100,
    vencimento_original: t.dataVencimento,
    valor_original: t.valorCents / 100,
    codigopix: t.codigoPix,
  }));
  return ok({
    status: links.length > 0 ? 1 : 0,
    razaoSocial: customer.nome,
    protocolo: protocol(ctx),
    links,
    cpfCnpj: formatDocument(customer.cpfcnpj),
    link: links[0]?.link ?? '',
    msg: '',
    contratoId: contract.id,
  });
};

const pix: Route = (ctx) => {
  const id = num(ctx.params[0]);
  const t = ctx.state.data.titles.find((x) => x.id === id);
  // unverified: the whole answer. The only body known is a production client's test fixture
  // `{status: 1, msg: "Dados do Pix", pix}`; refusals are guessed.
  if (t === undefined || t.status !== 'Gerado') return ok({ status: 0, msg: 'Título não encontrado' });
  if (num(ctx.fields.contrato) !== t.contratoId)
    return ok({ status: 0, msg: 'Título não pertence ao contrato informado' });
  t.codigoPix = t.pixOnDemand;
  return ok({ status: 1, msg: 'Dados do Pix', pix: t.pixOnDemand });
};

const FORMAS = new Set(['DINHEIRO', 'CARTAO', 'DEBITO', 'PIX']);

/** The vendor documents status codes only; every body here is unverified (success: empty). */
const baixar: Route = (ctx) => {
  const { state } = ctx;
  if (!state.credentials.canSettle) {
    return {
      status: 403,
      json: { detail: 'Token sem permissão para baixar títulos (Permite Baixar Titulo).' },
    };
  }
  const f = ctx.fields;
  const paidOn = str(f.data_pagamento);
  const paid = Number(str(f.valor_pago));
  const forma = str(f.forma_pagamento) || 'DINHEIRO';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn) || str(f.valor_pago) === '')
    return { status: 401, json: { detail: 'data_pagamento e valor_pago são obrigatórios' } };
  if (!FORMAS.has(forma)) return { status: 401, json: { detail: 'forma_pagamento inválida' } };
  if (!Number.isFinite(paid) || paid <= 0)
    return { status: 401, json: { detail: 'valor_pago deve ser maior que zero' } };
  if (str(f.tarifas) !== '' && !(Number(str(f.tarifas)) > 0))
    return { status: 401, json: { detail: 'tarifas deve ser maior que zero' } };
  const id = num(ctx.params[0]);
  const t = state.data.titles.find((x) => x.id === id && x.status === 'Gerado');
  if (t === undefined) return { status: 404, json: { detail: 'Título com status Gerado não encontrado' } };
  const ponto = num(f.ponto_recebimento) ?? 1;
  t.status = 'Pago';
  t.dataPagamento = paidOn;
  t.valorPagoCents = Math.round(paid * 100);
  t.usuarioBaixa = state.credentials.app;
  t.baixas.push({
    caixalancamento_id: ++state.data.next.caixa,
    pontoRecebimento: ponto,
    formaPagamento: forma,
    valorPagoCents: t.valorPagoCents,
    dataPagamento: paidOn,
    observacao: str(f.observacao),
  });
  state.counters.baixas++;
  return { status: 202, text: '' };
};

// ---------------------------------------------------------------- service

const liberacaopromessa: Route = (ctx) => {
  const { data } = ctx.state;
  const k = contractById(ctx, ctx.fields.contrato);
  // unverified: the refusal for an unknown contract.
  if (k === undefined) return ok({ status: 0, liberado: false, msg: 'Contrato não encontrado' });
  const customer = customerOf(ctx, k);
  const head = { razaoSocial: customer.nome, cpfCnpj: formatDocument(customer.cpfcnpj), contratoId: k.id };
  if (![1, 4, 7].includes(k.status)) {
    return ok({
      status: 2,
      ...head,
      liberado: false,
      msg: 'Contrato precisa estar ativo, suspenso ou com velocidade reduzida',
    });
  }
  if (k.promessasMes >= data.promessaLimite) {
    return ok({
      status: 2,
      ...head,
      liberado: false,
      msg: 'O recurso de promessa de pagamento já atingiu quantidade permitida. Recurso não disponível',
    });
  }
  // Recorded on the Central variant: nothing to release answers status 0 and an empty msg.
  if (k.status === 1) return ok({ status: 0, ...head, liberado: false, msg: '' });
  const until = str(ctx.fields.data_promessa) || addDays(data.today, data.promessaDias);
  k.status = 1;
  k.promessasMes++;
  k.promessaAte = until;
  return ok({
    status: 1,
    razaoSocial: customer.nome,
    protocolo: protocol(ctx),
    liberado: true,
    liberado_dias: data.promessaDias,
    data_promessa: until,
    cpfCnpj: head.cpfCnpj,
    msg: `Liberação via URA -\nServiço ID: ${k.servicoId}, Login: ${k.login}\nMotivo: Promessa de Pagamento\n`,
    contratoId: k.id,
  });
};

const chamado: Route = (ctx) => {
  const k = contractById(ctx, ctx.fields.contrato);
  // unverified: chamado refusals were never recorded.
  if (k === undefined) return ok({ status: 0, msg: 'Contrato não encontrado' });
  const tipo = num(ctx.fields.ocorrenciatipo) ?? 5;
  if (!ctx.state.data.ocorrenciaTipos.some((o) => o.id === tipo))
    return ok({ status: 0, msg: 'Tipo de ocorrência inválido' });
  const customer = customerOf(ctx, k);
  const protocolo = protocol(ctx);
  ctx.state.data.tickets.push({ protocolo, contratoId: k.id, body: ctx.fields });
  return ok({
    status: 1,
    razaoSocial: customer.nome,
    protocolo,
    cpfCnpj: formatDocument(customer.cpfcnpj),
    msg: '',
    contratoId: k.id,
  });
};

const notafiscalList: Route = (ctx) => {
  const k = contractById(ctx, ctx.fields.contrato);
  // unverified: the answer for an unknown contract.
  if (k === undefined) return ok([]);
  return ok(
    ctx.state.data.invoices
      .filter((n) => n.contratoId === k.id)
      .map((n) => invoiceView(ctx.state.data, n, ctx.baseUrl)),
  );
};

/** The vendor's example is cut (not valid JSON) and has no value field: this is its readable form. */
const nfcomList: Route = (ctx) => {
  const k = contractById(ctx, ctx.fields.contrato);
  const results = ctx.state.data.nfcoms
    .filter((n) => n.contratoId === k?.id)
    .map((n) => ({
      status: n.status,
      numero: n.numero,
      chave: n.chave,
      serie: n.serie,
      data_emissao: n.dataEmissao,
      id: n.id,
    }));
  return ok({ total: results.length, limit: 20, results });
};

// unverified: the field names; the vendor's example writes some with typos (nise_data, ntse_link).
const nfseList: Route = (ctx) => {
  const k = contractById(ctx, ctx.fields.contrato);
  if (k === undefined) return ok([]);
  const customer = customerOf(ctx, k);
  return ok(
    ctx.state.data.nfses
      .filter((n) => n.contratoId === k.id)
      .map((n) => ({
        nfse_cliente_nome: customer.nome,
        nfse_clientecontrato: k.id,
        nfse_data: n.data,
        nfse_valor: n.valorCents / 100,
        empresa_razao_social: ctx.state.data.company.nome,
        nfse_numero_rps: n.rps,
        nfse_tipo: '1',
        empresa_cnpj: formatDocument(ctx.state.data.company.cnpj),
        nfse_cliente: customer.id,
        nfse_serie: n.serie,
        nfse_link: `${ctx.baseUrl}/api/central/nfse/print/${n.id}?contrato=${k.id}`,
        nfse_id: n.id,
      })),
  );
};

// ---------------------------------------------------------------- sales and catalogue

const precadastro: Route = (ctx) => {
  const tipo = ctx.params[0] === 'J' ? 'J' : 'F';
  const missing = ['nome', 'logradouro'].filter((k) => str(ctx.fields[k]) === '');
  // unverified: SGP's validation answer (a DRF-style field map is assumed).
  if (missing.length > 0)
    return { status: 400, json: Object.fromEntries(missing.map((k) => [k, ['Este campo é obrigatório.']])) };
  ctx.state.data.precadastros.push({ tipo, body: ctx.fields });
  return ok({ message: 'Pre-cadastro criado com sucesso' });
};

const crmCliente: Route = (ctx) => {
  const { data } = ctx.state;
  const doc = digitsOf(ctx.fields.cpfcnpj);
  const nome = str(ctx.fields.nome);
  // unverified: both refusal bodies.
  if (nome === '' || doc === '') return { status: 400, json: { msg: 'nome e cpfcnpj são obrigatórios' } };
  if (data.customers.some((c) => c.cpfcnpj === doc))
    return { status: 400, json: { msg: 'Já existe um cliente com este CPF/CNPJ' } };
  const endereco = (ctx.fields.endereco ?? {}) as Record<string, unknown>;
  const id = ++data.next.cliente;
  data.customers.push({
    id,
    nome: nome.toUpperCase(),
    cpfcnpj: doc,
    tipo: doc.length === 14 ? 'J' : 'F',
    dataCadastro: `${data.today.split('-').reverse().join('/')} 10:00:00`,
    dataNascimento: null,
    emails: str(ctx.fields.email) === '' ? [] : [str(ctx.fields.email)],
    telefones: str(ctx.fields.celular) === '' ? [] : [str(ctx.fields.celular)],
    contactObjects: false,
    endereco: {
      logradouro: str(endereco.logradouro),
      numero: num(endereco.numero) ?? 0,
      complemento: str(endereco.complemento),
      bairro: str(endereco.bairro),
      cidade: str(endereco.cidade),
      uf: str(endereco.uf),
      cep: str(endereco.cep),
    },
    centralSenha: '000000',
  });
  return ok({ cliente_id: id, message: `Cliente ${nome} - ${formatDocument(doc)} cadastrado via API.` });
};

const crmClienteGet: Route = (ctx) => {
  const c = customerByDocument(ctx, ctx.fields.cpfcnpj);
  // unverified: the not-found answer (DRF's default is assumed).
  if (c === undefined) return { status: 404, json: { detail: 'Não encontrado.' } };
  const e = c.endereco;
  return ok({
    id: c.id,
    nome: c.nome,
    endereco_id: c.id + 30,
    endereco: `${e.logradouro}, ${e.numero}, ${e.bairro}, ${e.cidade}, ${e.uf}`,
    cpfcnpj: formatDocument(c.cpfcnpj),
    status: 'Em análise',
    motivo: '',
  });
};

const crmContrato: Route = (ctx) => {
  const { data } = ctx.state;
  const byId = num(ctx.params[0]);
  const c =
    byId !== null ? data.customers.find((x) => x.id === byId) : customerByDocument(ctx, ctx.fields.cpfcnpj);
  // unverified: the refusal bodies.
  if (c === undefined) return { status: 404, json: { detail: 'Não encontrado.' } };
  const need = ['pop_id', 'plano_id', 'vencimento_dia', 'forma_cobranca_codigo', 'portador_id'];
  const missing = need.filter((k) => str(ctx.fields[k]) === '');
  if (missing.length > 0) return { status: 400, json: { msg: `Campos obrigatórios: ${missing.join(', ')}` } };
  const plan = data.plans.find((p) => p.id === num(ctx.fields.plano_id));
  if (plan === undefined) return { status: 400, json: { msg: 'Plano não encontrado' } };
  const id = ++data.next.contrato;
  data.contracts.push({
    id,
    clienteId: c.id,
    status: 6,
    motivoStatus: '',
    planoId: plan.id,
    popId: num(ctx.fields.pop_id) ?? 1,
    vencimentoDia: num(ctx.fields.vencimento_dia) ?? 10,
    login: str(ctx.fields.login) || `cliente${id}`,
    servicoId: id + 5000,
    promessasMes: 0,
    promessaAte: null,
  });
  data.crmContracts.push({ id, clienteId: c.id, body: ctx.fields });
  return ok({
    message: 'Contrato cadastrado com sucesso',
    clientecontrato: id,
    cliente: `${c.nome} - ${formatDocument(c.cpfcnpj)}`,
  });
};

const planList: Route = (ctx) =>
  ok(
    ctx.state.data.plans.map((p) => ({
      tipo: p.tipo,
      id: p.id,
      descricao: p.descricao,
      valor: p.valorCents / 100,
    })),
  );

const consultaplano: Route = (ctx) => {
  const { data } = ctx.state;
  const planos = data.plans.map((p) => ({
    qtd_servicos: data.contracts.filter((k) => k.planoId === p.id).length,
    preco: (p.valorCents / 100).toFixed(2),
    id: p.id,
    descricao: p.descricao,
  }));
  return ok({
    planos,
    total_planos: planos.length,
    total_qtd_servicos: planos.reduce((s, p) => s + p.qtd_servicos, 0),
  });
};

const list =
  <T>(pick: (ctx: RouteContext) => T): Route =>
  (ctx) =>
    ok(pick(ctx));

/** "METHOD /path" (no trailing slash; `{}` matches one segment) -> route. */
export const routes: Record<string, Route> = {
  'POST /api/ura/consultacliente': consultacliente,
  'POST /api/ura/contato/add': contatoAdd,
  'GET /api/ura/cliente/anotacao/list': anotacaoList,
  'POST /api/ura/cliente/anotacao/list': anotacaoList,
  'POST /api/ura/titulos': titulos,
  'POST /api/ura/fatura2via': fatura2via,
  'POST /api/central/titulos': centralTitulos,
  'POST /api/ura/pagamento/pix/{}': pix,
  // Two production bots call it with GET (untested against the vendor's form POST).
  'GET /api/ura/pagamento/pix/{}': pix,
  'POST /api/banco/titulo/{}/baixar': baixar,
  'POST /api/ura/liberacaopromessa': liberacaopromessa,
  'POST /api/ura/chamado': chamado,
  'POST /api/central/notafiscal/list': notafiscalList,
  'POST /api/central/nfcom/list': nfcomList,
  'POST /api/central/nfse/list': nfseList,
  'POST /api/precadastro/{}': precadastro,
  'POST /api/precadastro/plano/list': planList,
  'POST /api/precadastro/vencimento/list': list((ctx) => ctx.state.data.vencimentos),
  'POST /api/precadastro/vendedor/list': list((ctx) => ctx.state.data.vendedores),
  'GET /api/ura/consultaplano': consultaplano,
  'POST /api/crm/cliente/{}': crmCliente,
  'GET /api/crm/cliente': crmClienteGet,
  'POST /api/crm/cliente/{}/contratos': crmContrato,
  'POST /api/crm/cliente/contratos': crmContrato,
  'POST /api/ura/pontosrecebimentos': list((ctx) => ctx.state.data.pontosRecebimento),
  // unverified: the shapes of the POP, portador and ocorrência-type lists (not in the extract).
  'POST /api/ura/pops': list((ctx) => ctx.state.data.pops),
  'GET /api/ura/portador': list((ctx) =>
    ctx.state.data.portadores.map((p) => ({ id: p.id, descricao: p.descricao, banco: p.banco })),
  ),
  'GET /api/os/ocorrencia/tipo/list': list((ctx) => ctx.state.data.ocorrenciaTipos),
  'POST /api/ura/configuracoes': list((ctx) => [
    {
      configuracao: 'URA_PROMESSA_DIAS',
      descricao: 'Dias de liberação por promessa de pagamento (URA)',
      valor: String(ctx.state.data.promessaDias),
    },
  ]),
};

/** The route for a request and its path parameters. */
export function findRoute(method: string, path: string): { route: Route; params: string[] } | null {
  const exact = routes[`${method} ${path}`];
  if (exact !== undefined) return { route: exact, params: [] };
  const segments = path.split('/');
  for (const [key, route] of Object.entries(routes)) {
    const [m, pattern = ''] = key.split(' ');
    if (m !== method || !pattern.includes('{}')) continue;
    const parts = pattern.split('/');
    if (parts.length !== segments.length) continue;
    const params: string[] = [];
    if (parts.every((p, i) => (p === '{}' ? (params.push(segments[i]!), true) : p === segments[i])))
      return { route, params };
  }
  return null;
}
