// The simulated MK webservices ("rules"), one handler per service, answering as the recorded
// answers in erp-docs/mk show them: PascalCase envelope keys, lowercase list-item keys, errors as
// HTTP 200 `{Mensagem, "Num. ERRO", status: "ERRO"}` (lowercase `mensagem` on AutoDesbloqueio,
// `codigo_erro` on the Pix service), `"Equipes:"` with its colon. Shapes the material does not
// record are marked `unverified`.
import { brDate } from '../../src/providers/kit/edge.js';
import { formatMoneyBRL } from '../../src/brasil/money.js';
import type { MkBill, MkContract, MkPessoa } from './seed.js';
import { brasiliaStamp } from './state.js';
import type { MkState } from './state.js';

export interface RouteContext {
  state: MkState;
  params: URLSearchParams;
  baseUrl: string;
}

export type Route = (ctx: RouteContext) => unknown;

export const erro = (num: string, Mensagem: string) => ({ Mensagem, 'Num. ERRO': num, status: 'ERRO' });
const notFound = () => erro('003', 'Dados não localizados.');

/** cd_servico per service (clients.md §5.3–5.4); null: no code recorded, so any valid token may call it. */
export const SERVICE_CODES: Record<string, number | null> = {
  WSMKSegundaViaCobranca: 1,
  WSMKUserSenhaSAC: 4,
  WSMKConsultaDoc: 6,
  WSMKFaturasPendentes: 7,
  WSMKContratosPorCliente: 8,
  // unverified: V2 is assumed to share V1's code.
  WSMKContratosPorClienteV2: 8,
  WSMKConexoesPorCliente: 9,
  WSMKListaClassificacoesAte: 10,
  WSMKListaProcessos: 11,
  WSMKLDViaSMS: 21,
  WSMKRetornarCopieColaPix: null,
  WSMKAutoDesbloqueio: null,
  WSMKAutoDesbloqueioV2: null,
  WSMKNovoAtendimento: null,
  WSMKOSListaTiposOS: null,
  WSMKConsultaEquipes: null,
  WSMKNovaLead: null,
  WSMKNovaPessoa: null,
  WSMKNovoContrato: null,
};

/** The paid "APIs especiais": a route the server answers with a servlet 500 unless the profile has them. */
export const SPECIAL_SERVICES: ReadonlySet<string> = new Set([
  'WSMKNovaLead',
  'WSMKNovaPessoa',
  'WSMKNovoContrato',
]);

function pessoa(ctx: RouteContext, key: string): MkPessoa | undefined {
  const code = Number(ctx.params.get(key));
  return ctx.state.data.pessoas.find((p) => p.CodigoPessoa === code);
}

function bill(ctx: RouteContext, key: string): MkBill | undefined {
  const code = Number(ctx.params.get(key));
  return ctx.state.data.bills.find((b) => b.codfatura === code);
}

function record(p: MkPessoa) {
  return {
    CEP: p.CEP,
    CodigoPessoa: p.CodigoPessoa,
    Email: p.Email,
    Endereco: p.Endereco,
    Fone: p.Fone,
    ...(p.coordinates ?? {}),
    Nome: p.Nome,
    Situacao: p.Situacao,
  };
}

/** pt-BR money without the currency sign ("1.234,56"). */
const ptMoney = (cents: number) => formatMoneyBRL(cents).replace('R$ ', '');

function activeContracts(ctx: RouteContext, p: MkPessoa): MkContract[] {
  return ctx.state.data.contracts.filter((c) => c.CodigoPessoa === p.CodigoPessoa && c.ativo);
}

const month = (state: MkState) => brasiliaStamp(state.now()).slice(3, 10);

/** "José Conceição" as MK stores it before its varchar(300) column: accents as HTML entities. */
function htmlEntities(text: string): string {
  return text.replace(/[^\p{ASCII}]/gu, (c) => `&#${c.codePointAt(0)!};`);
}

function autoDesbloqueio(ctx: RouteContext) {
  const { state } = ctx;
  const code = Number(ctx.params.get('cd_conexao'));
  const connection = state.data.connections.find((c) => c.codconexao === code);
  // unverified: the answer to an unknown connection is not recorded; the recorded refusal is used.
  if (connection === undefined || !connection.bloqueada || connection.lastUnlockMonth === month(state)) {
    // unverified for "already used this month" and "not blocked": only this refusal is recorded.
    return { status: 'ERRO', mensagem: 'Operação indisponível para esta conexão.' };
  }
  state.counters.writes.push({ service: 'WSMKAutoDesbloqueio', params: Object.fromEntries(ctx.params) });
  connection.bloqueada = false;
  connection.motivo_bloqueio = null;
  connection.lastUnlockMonth = month(state);
  const owner = state.data.pessoas.find((p) => p.CodigoPessoa === connection.CodigoPessoa)!;
  // unverified: the value of AcessoSAC.
  return { AcessoSAC: 'S', CodigoPessoa: owner.CodigoPessoa, Nome: owner.Nome, status: 'OK' };
}

export const routes: Record<string, Route> = {
  WSMKConsultaDoc(ctx) {
    const doc = (ctx.params.get('doc') ?? '').replace(/\D/g, '');
    if (doc.length !== 11 && doc.length !== 14) return erro('002', 'Documento inválido.');
    const found = ctx.state.data.pessoas
      .filter((p) => p.doc === doc)
      .sort((a, b) => a.CodigoPessoa - b.CodigoPessoa);
    const [main, ...others] = found;
    if (main === undefined) return erro('003', 'Documento não localizado.');
    return { ...record(main), Outros: others.map(record), status: 'OK' };
  },

  WSMKFaturasPendentes(ctx) {
    const p = pessoa(ctx, 'cd_cliente');
    // unverified: the not-found answer of this service (the generic 003 is used).
    if (p === undefined) return notFound();
    const open = ctx.state.data.bills
      .filter((b) => b.CodigoPessoa === p.CodigoPessoa && b.paidOn === null)
      // MK's order is not recorded: newest first here, so clients must sort.
      .sort((a, b) => b.codfatura - a.codfatura);
    return {
      CodigoPessoa: p.CodigoPessoa,
      FaturasPendentes: open.map((b) => ({
        codfatura: b.codfatura,
        // unverified: the value forms of contas and contratos.
        contas: '1',
        contratos: b.codcontrato === null ? '' : String(b.codcontrato),
        // unverified: dd/mm/yyyy as the NsLink tests use (clients.md §5.4).
        data_vencimento: brDate(b.vencimento),
        descricao: b.descricao,
        // unverified: a pt-BR string here (other services send numbers or "R$ x,xx").
        valor_total: ptMoney(b.valorCents),
      })),
      Nome: p.Nome,
      status: 'OK',
    };
  },

  WSMKSegundaViaCobranca(ctx) {
    const b = bill(ctx, 'cd_fatura');
    if (b === undefined) return notFound();
    return {
      CodigoPessoa: b.CodigoPessoa,
      Fatura: b.codfatura,
      // unverified: the form of MK's download path (an absolute URL here).
      PathDownload: b.noPdf ? '' : `${ctx.baseUrl}/mk/boleto/${b.codfatura}-${b.hash}.pdf`,
      Valor: formatMoneyBRL(b.valorCents),
      Vcto: brDate(b.vencimento),
      status: 'OK',
    };
  },

  WSMKLDViaSMS(ctx) {
    const b = bill(ctx, 'cd_fatura');
    // Recorded without "Num. ERRO" (clients.md §5.4).
    if (b === undefined) return { Mensagem: 'Fatura não localizada.', status: 'ERRO' };
    const p = ctx.state.data.pessoas.find((x) => x.CodigoPessoa === b.CodigoPessoa)!;
    return {
      DadosFatura: [
        {
          celular: p.Fone,
          codfatura: b.codfatura,
          codigopessoa: p.CodigoPessoa,
          data_vencimento: brDate(b.vencimento),
          descricao: b.descricao,
          ld: b.ld ?? '',
          nome: p.Nome,
          // unverified: the values of situacao.
          situacao: b.paidOn === null ? 'Aberta' : 'Paga',
          valor_nominal: b.valorCents / 100,
        },
      ],
      status: 'OK',
    };
  },

  WSMKRetornarCopieColaPix(ctx) {
    const b = bill(ctx, 'CodigoFatura');
    // unverified: the codes and messages of these errors (only the shape is recorded).
    if (b === undefined) return { codigo_erro: '3', mensagem: 'Fatura não localizada.', status: 'ERRO' };
    if (b.pix === null || b.paidOn !== null)
      return { codigo_erro: '1', mensagem: 'Não há cobrança Pix para esta fatura.', status: 'ERRO' };
    const p = ctx.state.data.pessoas.find((x) => x.CodigoPessoa === b.CodigoPessoa)!;
    // The recorded success has no status key.
    return {
      codpessoa: p.CodigoPessoa,
      nome_razaosocial: p.Nome,
      status_contrato: 'Ativo',
      texto_qrcode: b.pix,
    };
  },

  WSMKContratosPorCliente(ctx) {
    const p = pessoa(ctx, 'cd_cliente');
    if (p === undefined) return notFound();
    return {
      CodigoPessoa: p.CodigoPessoa,
      ContratosAtivos: activeContracts(ctx, p).map((c) => ({
        adesao: c.adesao,
        cd_empresa: 1,
        codcontrato: c.codcontrato,
        nome_empresa: ctx.state.data.company.name,
        plano_acesso: c.plano_acesso,
        previsao_vencimento: c.previsao_vencimento,
      })),
      Nome: p.Nome,
      status: 'OK',
    };
  },

  WSMKContratosPorClienteV2(ctx) {
    const p = pessoa(ctx, 'cd_cliente');
    if (p === undefined) return notFound();
    // A bare array (clients.md §3); unverified: whether V2 also lists contracts no longer in force.
    return ctx.state.data.contracts
      .filter((c) => c.CodigoPessoa === p.CodigoPessoa)
      .map((c) => ({
        codcontrato: c.codcontrato,
        status_contrato: c.ativo ? 'Ativo' : 'Cancelado',
        plano_acesso: c.plano_acesso,
        adesao: c.adesao,
      }));
  },

  WSMKConexoesPorCliente(ctx) {
    const p = pessoa(ctx, 'cd_cliente');
    if (p === undefined) return notFound();
    const sim = (v: boolean) => (v ? 'Sim' : 'Não');
    return {
      CodigoPessoa: p.CodigoPessoa,
      Conexoes: ctx.state.data.connections
        .filter((n) => n.CodigoPessoa === p.CodigoPessoa)
        .map((n) => ({
          bloqueada: sim(n.bloqueada),
          cadastro: n.cadastro,
          cep: n.cep,
          codconexao: n.codconexao,
          contrato: n.contrato,
          endereco: n.endereco,
          esta_reduzida: sim(n.esta_reduzida),
          latitude: '',
          longitude: '',
          mac_address: n.mac_address,
          motivo_bloqueio: n.motivo_bloqueio,
          tecnologia: n.tecnologia,
          username: n.username,
        })),
      Nome: p.Nome,
      status: 'OK',
    };
  },

  WSMKAutoDesbloqueio: autoDesbloqueio,
  // unverified: V2 is in use at one ISP (clients.md §3); its answer is assumed to be V1's.
  WSMKAutoDesbloqueioV2: autoDesbloqueio,

  WSMKNovoAtendimento(ctx) {
    const { state, params } = ctx;
    const p = pessoa(ctx, 'cd_cliente');
    if (p === undefined) return notFound();
    const processo = Number(params.get('cd_processo'));
    const classificacao = Number(params.get('cd_classificacao_ate'));
    // unverified: how MK refuses unknown process or classification codes.
    if (!state.data.codes.processos.some((x) => x.codprocesso === processo))
      return erro('003', 'Processo não localizado.');
    if (!state.data.codes.classificacoes.some((x) => x.codigo === classificacao))
      return erro('003', 'Classificação não localizada.');
    const contrato = params.get('cd_contrato');
    if (contrato !== null && !activeContracts(ctx, p).some((c) => String(c.codcontrato) === contrato))
      return erro('003', 'Contrato não localizado.');
    state.counters.writes.push({ service: 'WSMKNovoAtendimento', params: Object.fromEntries(params) });
    const ticket = state.openTicket({
      CodigoCliente: p.CodigoPessoa,
      cd_processo: processo,
      cd_classificacao_ate: classificacao,
      origem_contato: params.get('origem_contato') ?? '',
      info: htmlEntities(params.get('info') ?? '').slice(0, 300),
      cd_contrato: contrato === null ? null : Number(contrato),
      op_abertura: params.get('op_abertura'),
    });
    return {
      Cliente: p.Nome,
      CodigoAtendimento: ticket.CodigoAtendimento,
      CodigoCliente: p.CodigoPessoa,
      Protocolo: ticket.Protocolo,
      status: 'OK',
    };
  },

  // unverified: the answer of WSMKNovaLead (the vendor PDF shows it as an image only).
  WSMKNovaLead(ctx) {
    const p = pessoa(ctx, 'cd_cliente');
    if (p === undefined) return notFound();
    ctx.state.counters.writes.push({ service: 'WSMKNovaLead', params: Object.fromEntries(ctx.params) });
    return {
      CodigoLead: ctx.state.openLead(p.CodigoPessoa, htmlEntities(ctx.params.get('info') ?? '')),
      status: 'OK',
    };
  },

  // unverified: parameters and answer of WSMKNovaPessoa (no material records either); the
  // parameter names here are the ones the provider sends.
  WSMKNovaPessoa(ctx) {
    const { params, state } = ctx;
    const doc = (params.get('cpf_cnpj') ?? '').replace(/\D/g, '');
    const nome = params.get('nome') ?? '';
    if ((doc.length !== 11 && doc.length !== 14) || nome.trim() === '')
      return erro('002', 'Documento inválido.');
    if (state.data.pessoas.some((x) => x.doc === doc))
      return erro('004', 'Já existe cadastro com este documento.');
    state.counters.writes.push({ service: 'WSMKNovaPessoa', params: Object.fromEntries(params) });
    const code = Math.max(...state.data.pessoas.map((x) => x.CodigoPessoa)) + 1;
    state.data.pessoas.push({
      CodigoPessoa: code,
      doc,
      Nome: nome.toUpperCase(),
      Email: params.get('email') ?? '',
      Fone: (params.get('celular') ?? params.get('fone') ?? '').replace(/\D/g, ''),
      Endereco: `${params.get('logradouro') ?? ''}, ${params.get('numero') ?? 'S/N'} - ${params.get('bairro') ?? ''}, ${params.get('cidade') ?? ''}`,
      CEP: (params.get('cep') ?? '').replace(/\D/g, ''),
      coordinates: null,
      Situacao: 'Ativo',
    });
    return { CodigoPessoa: code, status: 'OK' };
  },

  // Parameters from the vendor's "APIs especiais" page (CodigoCliente, CodigoTipoPlano,
  // CodigoPlanoAcesso, CodigoRegraVencimento, ...); unverified: its answer.
  WSMKNovoContrato(ctx) {
    const { params, state } = ctx;
    const p = pessoa(ctx, 'CodigoCliente');
    if (p === undefined) return notFound();
    for (const key of ['CodigoTipoPlano', 'CodigoPlanoAcesso', 'CodigoRegraVencimento']) {
      if (!/^\d+$/.test(params.get(key) ?? '')) return erro('002', `Parâmetro ${key} inválido.`);
    }
    state.counters.writes.push({ service: 'WSMKNovoContrato', params: Object.fromEntries(params) });
    const codcontrato = Math.max(...state.data.contracts.map((c) => c.codcontrato)) + 1;
    state.data.contracts.push({
      codcontrato,
      CodigoPessoa: p.CodigoPessoa,
      plano_acesso: `PLANO ${params.get('CodigoPlanoAcesso')}`,
      adesao: brasiliaStamp(state.now()).slice(0, 10).split('/').reverse().join('-'),
      previsao_vencimento: params.get('CodigoRegraVencimento') ?? '',
      ativo: true,
    });
    return { CodigoContrato: codcontrato, status: 'OK' };
  },

  WSMKListaProcessos: (ctx) => ({ processos: ctx.state.data.codes.processos, status: 'OK' }),
  WSMKListaClassificacoesAte: (ctx) => ({
    ClassificacoesAtendimento: ctx.state.data.codes.classificacoes,
    status: 'OK',
  }),
  WSMKOSListaTiposOS: (ctx) => ({ Tipos: ctx.state.data.codes.tiposOS, status: 'OK' }),
  // The key really ends with a colon (vendor bug, clients.md §5.1); unverified: no status key.
  WSMKConsultaEquipes: (ctx) => ({ 'Equipes:': ctx.state.data.codes.equipes }),
};
