// How the simulated SGP prints its records, field for field as the vendor's examples do: the URA
// family in camelCase (razaoSocial, cpfCnpj, contratoId, valorCorrigido, linhaDigitavel), padded
// status displays (" Ativo "), dd/mm/yyyy HH:MM:SS registration dates, money as JSON numbers.
import { formatDocument } from '../../src/brasil/document.js';
import { computeLateFees } from '../../src/brasil/late-fees.js';
import { STATUS_DISPLAY } from './seed.js';
import type { SgpData, SimContract, SimCustomer, SimInvoice, SimNote, SimTitle } from './seed.js';

const money = (cents: number) => cents / 100;

/** The title's amount corrected for today, as SGP computes it with the ISP's own rule. */
export function correctedCents(data: SgpData, t: SimTitle): number {
  if (t.status !== 'Gerado' || data.today <= t.dataVencimento) return t.valorCents;
  return computeLateFees({
    amountCents: t.valorCents,
    dueDate: t.dataVencimento,
    paymentDate: data.today,
    fineBasisPoints: data.multaBasisPoints,
    monthlyInterestBasisPoints: data.jurosMensalBasisPoints,
  }).totalCents;
}

const TITLE_STATUS = { Gerado: 'aberto', Pago: 'pago', Cancelado: 'cancelado' } as const;

/** One item of /api/ura/titulos/ (the demo recording's shape). */
export function titleView(data: SgpData, t: SimTitle, baseUrl: string): Record<string, unknown> {
  const customer = data.customers.find((c) => c.id === t.clienteId)!;
  const portador = data.portadores.find((p) => p.id === t.portadorId)!;
  const overdueDays =
    t.status === 'Gerado' && data.today > t.dataVencimento
      ? Math.round((Date.parse(data.today) - Date.parse(t.dataVencimento)) / 86_400_000)
      : 0;
  return {
    id: t.id,
    clienteNome: customer.nome,
    clienteCpfcnpj: customer.cpfcnpj,
    clienteContrato: t.contratoId,
    portador: portador.descricao,
    numeroDocumento: t.numeroDocumento,
    nossoNumero: t.nossoNumero,
    link: `${baseUrl}/boleto/${t.hash}/`,
    link_cobranca: `${baseUrl}/public/pagamento/${t.hash}/`,
    status: TITLE_STATUS[t.status],
    valor: money(t.valorCents),
    valorDesconto: 0.0,
    valorCorrigido: money(correctedCents(data, t)),
    valorPago: t.valorPagoCents === null ? 0 : money(t.valorPagoCents),
    valorPagoParcial: 0,
    diasAtraso: overdueDays,
    codigoBarras: t.codigoBarras,
    linhaDigitavel: t.linhaDigitavel,
    codigoPix: t.codigoPix,
    dataEmissao: t.dataEmissao,
    dataVencimento: t.dataVencimento,
    dataPagamento: t.dataPagamento ?? '',
    dataCancelamento: t.status === 'Cancelado' ? t.dataVencimento : '',
    demonstrativo: '',
    acordoPagamento: { acordados: [], cobrados: [] },
    usuario_baixa: t.usuarioBaixa,
  };
}

function contacts(customer: SimCustomer): { telefones: unknown[]; emails: unknown[] } {
  if (!customer.contactObjects) return { telefones: customer.telefones, emails: customer.emails };
  // The object form seen on a real tenant's fixture.
  return {
    telefones: customer.telefones.map((contato) => ({ tipoContato: 'WhatsApp Número', contato })),
    emails: customer.emails.map((contato) => ({ tipoContato: 'E-Mail', contato })),
  };
}

/** One entry of /api/ura/consultacliente/ `contratos[]`: the customer repeated per contract. */
export function contractView(data: SgpData, k: SimContract): Record<string, unknown> {
  const customer = data.customers.find((c) => c.id === k.clienteId)!;
  const plan = data.plans.find((p) => p.id === k.planoId)!;
  const pop = data.pops.find((p) => p.id === k.popId)!;
  const open = data.titles.filter((t) => t.contratoId === k.id && t.status === 'Gerado');
  const e = customer.endereco;
  return {
    telefones_cargos: customer.telefones.slice(0, 1).map((contato) => ({ cargo: null, contato, nome: null })),
    cobPermuta: false,
    servico_tipo_conexao: 'PPPoE',
    contratoCentralSenha: customer.centralSenha,
    observacao_servico: '',
    popNome: pop.pop,
    link_quitacao: '',
    contratoStatus: k.status,
    servico_wifi_channel: 'auto',
    dataCadastro: customer.dataCadastro,
    endereco_uf: e.uf,
    servico_plano: plan.descricao,
    endereco_pontoreferencia: null,
    servico_vlan: 'None',
    cobIsento: 0.0,
    cpfCnpj: formatDocument(customer.cpfcnpj),
    servico_mac2: '',
    endereco_logradouro: e.logradouro,
    dataNascimento: customer.dataNascimento,
    contratoStatusModo: 2,
    ...contacts(customer),
    contratoStatusDisplay: STATUS_DISPLAY[k.status],
    motivo_status: k.motivoStatus,
    contratoCentralLogin: customer.cpfcnpj,
    tags: [],
    contratoTitulosAReceber: open.length,
    servico_wifi_ssid_5: '',
    servico_grupo: 'fibra',
    endereco_numero: e.numero,
    contratoValorAberto: open.reduce((sum, t) => sum + correctedCents(data, t), 0) / 100,
    // The vendor's example has the plan's name only (no id, no price: consultaplano has those).
    planointernet: plan.descricao,
    clienteId: customer.id,
    observacao_cliente: '',
    endereco_complemento: e.complemento,
    endereco_bairro: e.bairro,
    razaoSocial: customer.nome,
    servico_mac: '',
    servico_wifi_password_5: '',
    popId: pop.id,
    endereco_cep: e.cep,
    promessasPagamentoMes: k.promessasMes,
    servico_wifi_password: '',
    endereco_cidade: e.cidade,
    servico_senha: 'SERVICO_SENHA',
    dataAlteracao: customer.dataCadastro,
    servico_login: k.login,
    servico_wifi_channel_5: 'auto',
    servico_wifi_ssid: '',
    contratoId: k.id,
    endereco_ll: '-24.5146688,-50.4112277',
  };
}

export function noteView(n: SimNote): Record<string, unknown> {
  return {
    data_alteracao: n.dataCadastro,
    tipo: null,
    usuario: 1,
    anotacao: n.anotacao,
    alerta_modo: n.alertaModo,
    id: n.id,
    clientecontrato: n.contratoId,
    data_cadastro: n.dataCadastro,
    cliente: n.clienteId,
  };
}

/** One item of /api/central/notafiscal/list/ (the vendor's example shape). */
export function invoiceView(data: SgpData, n: SimInvoice, baseUrl: string): Record<string, unknown> {
  return {
    isentontrib: 0.0,
    status: 2,
    outrosvalores: money(n.valorCents),
    periodotxt: null,
    empresa_numero: 37,
    tipoutilizacao: 1,
    empresa_pontoreferencia: null,
    empresa_complemento: null,
    empresa_razao_social: data.company.nome,
    numero: n.numero,
    infcomp: '',
    empresa_bairro: 'CENTRO',
    link: `${baseUrl}/spublic/notafiscal/${n.uuid}`,
    data_cancela: n.cancelada ?? 'None',
    data_cadastro: `${n.dataEmissao} 12:36:14.296786`,
    icms: 0.0,
    empresa_cep: '84300-000',
    modelo: n.modelo,
    tipo_es: 2,
    empresa_nome_fantasia: 'TIBAGI NET',
    empresa_pais: 'BR',
    valortotal: money(n.valorCents),
    empresa_uf: 'PR',
    empresa_logradouro: 'RUA XV DE NOVEMBRO',
    data_saida: `${n.dataEmissao} 12:36:14.296792`,
    empresa_map_ll: null,
    empresa_cidade: data.company.cidade,
    tipo_nf: 1,
    bcicms: 0.0,
    cfop: '5307',
    data_emissao: `${n.dataEmissao} 00:00:00`,
    empresa_cnpj: formatDocument(data.company.cnpj),
    serie: n.serie,
    desconto: 0.0,
  };
}
