// How the simulated Hubsoft prints its records, quirks included: money as JSON numbers in the
// cliente routes and as strings in financeiro/fatura, DD/MM/YYYY dates in cliente/financeiro and
// YYYY-MM-DD in financeiro/fatura, CEPs masked in one address and bare in the next, the
// `data_nascmento` typo, and the 1969-12-31 epoch artifact for an unknown birth date.
import type {
  HubsoftData,
  SimAddress,
  SimBill,
  SimCustomer,
  SimInvoice,
  SimService,
  ServiceStatus,
} from './seed.js';

export const STATUS_LABEL: Record<ServiceStatus, string> = {
  servico_habilitado: 'Serviço Habilitado',
  suspenso_debito: 'Suspenso por Débito',
  suspenso_parcialmente: 'Suspenso Parcialmente',
  suspenso_pedido_cliente: 'Suspenso a Pedido do Cliente',
  aguardando_instalacao: 'Aguardando Instalação',
  cancelado: 'Cancelado',
};

/** 2026-01-10 -> 10/01/2026 */
export function br(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Cents as the JSON number Hubsoft prints (119.9, 10). */
export function moneyNumber(cents: number): number {
  return cents / 100;
}

/** Cents as the string financeiro/fatura prints ("28.27", "119.9", "5"). */
export function moneyText(cents: number): string {
  return String(cents / 100);
}

function maskedCep(cep: string): string {
  return `${cep.slice(0, 5)}-${cep.slice(5)}`;
}

function address(a: SimAddress, maskCep: boolean) {
  const complement = a.complemento === '' ? '' : ` - ${a.complemento}`;
  return {
    completo: `${a.endereco}, ${a.numero} - ${a.bairro}, ${a.cidade.toUpperCase()}/${a.estado}${complement}`,
    logradouro: a.endereco.split(' ')[0],
    endereco: a.endereco.split(' ').slice(1).join(' '),
    numero: a.numero,
    complemento: a.complemento,
    bairro: a.bairro,
    cep: maskCep ? maskedCep(a.cep) : a.cep,
    estado: a.estado,
    uf: a.uf,
    cidade: a.cidade,
    coordenadas: { latitude: null, longitude: null },
  };
}

export function serviceView(s: SimService) {
  return {
    id_cliente_servico: s.id_cliente_servico,
    numero_plano: s.numero_plano,
    nome: s.nome,
    valor: moneyNumber(s.valorCents),
    status: STATUS_LABEL[s.status],
    status_prefixo: s.status,
    tecnologia: s.tecnologia,
    login: s.login,
    senha: '123',
    referencia: null,
    ipv4: `10.99.${s.id_cliente_servico % 250}.${(s.id_cliente_servico * 7) % 250}`,
    ipv6: null,
    mac_addr: 'FF:FF:FF:FF:FF:FF',
    phy_addr: 'FF:FF:FF:FF:FF:FF',
    ultima_conexao: [],
    interface: { nome: 'PON5', tipo: 'gpon', called_sid: null },
    equipamento_conexao: { nome: 'OLT CENTRO', ipv4: '192.168.2.100', ipv6: null },
    pacotes: [],
    senhas: [],
    endereco_cadastral: address(s.endereco, true),
    endereco_instalacao: address(s.endereco, false),
    endereco_fiscal: address(s.endereco, true),
    endereco_cobranca: address(s.endereco, true),
  };
}

export function customerView(c: SimCustomer, services: SimService[]) {
  return {
    id_cliente: c.id_cliente,
    codigo_cliente: c.codigo_cliente,
    nome_razaosocial: c.nome_razaosocial,
    nome_fantasia: c.nome_fantasia,
    tipo_pessoa: c.tipo_pessoa,
    cpf_cnpj: c.cpf_cnpj,
    telefone_primario: c.telefone_primario,
    telefone_secundario: c.telefone_secundario,
    telefone_terciario: c.telefone_terciario,
    email_principal: c.email_principal,
    email_secundario: c.email_secundario,
    rg: c.rg,
    rg_emissao: null,
    inscricao_municipal: null,
    inscricao_estadual: null,
    data_cadastro: c.data_cadastro,
    data_nascmento: `${c.data_nascimento ?? '1969-12-31'} 04:00:00`,
    alerta: c.alertas.length > 0,
    alerta_mensagens: c.alertas,
    servicos: services.map(serviceView),
  };
}

function customerBrief(c: SimCustomer) {
  return { codigo_cliente: c.codigo_cliente, nome_razaosocial: c.nome_razaosocial, cpf_cnpj: c.cpf_cnpj };
}

export function billLink(baseUrl: string, bill: SimBill): string | null {
  return bill.tipo_cobranca === 'boleto_bancario' ? `${baseUrl}/pdf/fatura/${bill.hash}` : null;
}

/** A fatura as GET cliente/financeiro prints it (numbers, DD/MM/YYYY). */
export function customerBillView(data: HubsoftData, bill: SimBill, baseUrl: string) {
  const customer = data.customers.find((c) => c.id_cliente === bill.id_cliente)!;
  const service = data.services.find((s) => s.id_cliente_servico === bill.id_cliente_servico);
  const { company } = data;
  const boleto = bill.tipo_cobranca === 'boleto_bancario';
  return {
    id_fatura: bill.id_fatura,
    nosso_numero: bill.nosso_numero,
    nosso_numero_dv: boleto ? `0${bill.nosso_numero}-0` : null,
    linha_digitavel: bill.linha_digitavel,
    codigo_barras: bill.codigo_barras,
    link: billLink(baseUrl, bill),
    agencia_codigo_beneficiario: boleto ? `${company.bank.agencia} / ${company.bank.conta}` : null,
    beneficiario: boleto ? `${company.nome_razaosocial} / CNPJ: ${company.cnpj}` : null,
    numero_documento: boleto ? bill.id_fatura : null,
    especie: boleto ? 'DS' : null,
    especie_dinheiro: 'R$',
    aceite: boleto ? 'N' : null,
    local_pagamento: boleto ? 'PAGÁVEL EM QUALQUER BANCO ATÉ O VENCIMENTO' : null,
    carteira: boleto ? '1' : null,
    tipo_cobranca: bill.tipo_cobranca,
    valor: moneyNumber(bill.valorCents),
    data_vencimento: br(bill.data_vencimento),
    data_cadastro: br(bill.data_cadastro.slice(0, 10)),
    data_pagamento: bill.data_pagamento === null ? null : br(bill.data_pagamento),
    data_documento: br(bill.data_cadastro.slice(0, 10)),
    data_processamento: br(bill.data_cadastro.slice(0, 10)),
    pix_copia_cola: bill.pix,
    detalhamento: bill.cobrancas.map((c) => ({ descricao: c.descricao, valor: moneyNumber(c.valorCents) })),
    cliente: {
      ...customerBrief(customer),
      ...(service === undefined ? {} : { servico: { ...serviceView(service), ultima_conexao: undefined } }),
    },
  };
}

/** A fatura as GET financeiro/fatura prints it (strings, YYYY-MM-DD). */
export function billView(
  data: HubsoftData,
  bill: SimBill,
  baseUrl: string,
  detailed: boolean,
  withPix: boolean,
) {
  const customer = data.customers.find((c) => c.id_cliente === bill.id_cliente)!;
  const service = data.services.find((s) => s.id_cliente_servico === bill.id_cliente_servico);
  const { company } = data;
  const base = {
    id_fatura: bill.id_fatura,
    id_carne: null,
    id_cliente_servico: bill.id_cliente_servico,
    nosso_numero: bill.nosso_numero,
    data_vencimento: bill.data_vencimento,
    data_pagamento: bill.data_pagamento,
    data_cadastro: bill.data_cadastro,
    data_credito: bill.data_credito,
    valor: moneyText(bill.valorCents),
    valor_pago: bill.valorPagoCents === null ? null : moneyText(bill.valorPagoCents),
    valor_juros_pago: null,
    valor_desconto: 0,
    linha_digitavel: bill.linha_digitavel,
    codigo_barras: bill.codigo_barras,
    tipo_cobranca: bill.tipo_cobranca,
    link: billLink(baseUrl, bill),
    empresa: {
      documento: company.cnpj,
      nome_razaosocial: company.nome_razaosocial,
      nome_fantasia: 'MINAS FIBRA',
    },
    cliente: {
      id_cliente: customer.id_cliente,
      codigo_cliente: customer.codigo_cliente,
      nome_razaosocial: customer.nome_razaosocial,
      nome_fantasia: customer.nome_fantasia,
      tipo_pessoa: customer.tipo_pessoa,
      cpf_cnpj: customer.cpf_cnpj,
      data_nascimento: customer.data_nascimento ?? '1969-12-31',
      telefone_primario: customer.telefone_primario,
      telefone_secundario: customer.telefone_secundario,
      telefone_terciario: null,
      email_principal: customer.email_principal,
      email_secundario: customer.email_secundario,
      data_cadastro: customer.data_cadastro,
      ativo: customer.ativo,
    },
    forma_cobranca: {
      id_forma_cobranca: 1,
      descricao: `${company.bank.name} `,
      numero_banco: company.bank.code,
      agencia: company.bank.agencia,
      agencia_digito: '0',
      conta: company.bank.conta,
      conta_digito: '1',
      convenio: company.bank.convenio,
      juros: company.juros,
      multa: company.multa,
      tipo_juros: 'percentual_mensal',
      tipo_multa: 'percentual',
    },
    pix_copia_e_cola: withPix ? bill.pix : null,
  };
  if (!detailed) return base;
  return {
    ...base,
    servico:
      service === undefined
        ? null
        : {
            numero_plano: service.numero_plano,
            descricao: service.nome,
            servico_status: STATUS_LABEL[service.status],
            endereco_instalacao: address(service.endereco, false),
          },
    cobrancas: bill.cobrancas.map((c) => ({
      id_cobranca: c.id_cobranca,
      descricao: c.descricao,
      valor: moneyNumber(c.valorCents),
    })),
    recibos: bill.recibos.map((r) => ({
      id_recibo: r.id_recibo,
      numero_recibo: r.numero_recibo,
      caixa_financeiro: {
        id_caixa_financeiro: r.id_caixa_financeiro,
        descricao: data.caixas.find((c) => c.id_caixa_financeiro === r.id_caixa_financeiro)?.descricao ?? '',
      },
      valor: moneyNumber(r.valorCents),
      data_pagamento: r.data_pagamento,
      data_cadastro: r.data_cadastro,
      cobrancas: bill.cobrancas.map((c) => ({
        id_cobranca: c.id_cobranca,
        valor: moneyNumber(c.valorCents),
      })),
    })),
  };
}

export function telecomInvoiceView(n: SimInvoice, baseUrl: string) {
  return {
    id_nota_fiscal: n.id,
    id_tipo_documento_fiscal: 1,
    numero_nota: n.numero,
    serie_nota: n.serie,
    cfop: '5307',
    identificacao: Buffer.from(`nf${n.id}`).toString('hex').toUpperCase().slice(0, 20),
    valor: moneyText(n.valorCents),
    data_cadastro_br: `${br(n.data_emissao)} 09:07`,
    data_emissao_br: br(n.data_emissao),
    data_cancelamento_br: n.cancelado ? br(n.data_emissao) : null,
    cancelado: n.cancelado,
    tipo_documento_fiscal: {
      id_tipo_documento_fiscal: 1,
      descricao: 'Nota Fiscal de Serviço de Comunicação',
      codigo: n.modelo ?? '21',
      ativo: true,
      display: `${n.modelo ?? '21'} - Nota Fiscal de Serviço de Comunicação`,
    },
    link: `${baseUrl}/pdf/nota/${n.hash}`,
  };
}

export function nfseView(n: SimInvoice, baseUrl: string) {
  return {
    id_nfse: n.id,
    id_externo: Buffer.from(`nfse${n.id}`).toString('hex'),
    hash: n.hash,
    numero: String(n.numero),
    serie: n.serie,
    lote_rps: String(290000 + n.id),
    valor: moneyText(n.valorCents),
    data_cadastro: `${n.data_emissao} 10:22:51`,
    tipo_emissao: 'manual',
    link_pdf: `${baseUrl}/pdf/nota/${n.hash}`,
    link_xml: '',
    status: n.cancelado ? 'cancelado' : 'autorizado',
    status_mensagem: 'RPS Autorizada com sucesso',
    informacao_complementar: null,
    data_cadastro_br: `${br(n.data_emissao)} 10:22`,
    data_cadastro_timestamp: Date.parse(`${n.data_emissao}T13:22:51Z`),
    data_cancelamento_br: null,
    data_cancelamento_timestamp: null,
  };
}
