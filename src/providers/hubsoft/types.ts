// The parts of Hubsoft's answers the provider reads, as the official docs print them. Every field
// is optional and loosely typed: the mappers check what they use, because Hubsoft mixes numbers and
// strings for the same kind of value between routes.

export type Loose = string | number | null | undefined;

export interface HubsoftAddress {
  logradouro?: Loose;
  endereco?: Loose;
  numero?: Loose;
  complemento?: Loose;
  bairro?: Loose;
  cep?: Loose;
  cidade?: Loose;
  estado?: Loose;
  completo?: Loose;
}

export interface HubsoftService {
  id_cliente_servico?: Loose;
  numero_plano?: Loose;
  nome?: Loose;
  valor?: Loose;
  status?: Loose;
  status_prefixo?: Loose;
  endereco_cadastral?: HubsoftAddress | null;
  endereco_instalacao?: HubsoftAddress | null;
}

export interface HubsoftCustomer {
  id_cliente?: Loose;
  codigo_cliente?: Loose;
  nome_razaosocial?: Loose;
  nome_fantasia?: Loose;
  tipo_pessoa?: Loose;
  cpf_cnpj?: Loose;
  telefone_primario?: Loose;
  telefone_secundario?: Loose;
  telefone_terciario?: Loose;
  email_principal?: Loose;
  email_secundario?: Loose;
  data_cadastro?: Loose;
  /** Sic: Hubsoft's own spelling in the cliente routes. */
  data_nascmento?: Loose;
  data_nascimento?: Loose;
  ativo?: boolean | null;
  alerta?: boolean | null;
  alerta_mensagens?: unknown;
  servicos?: HubsoftService[] | null;
}

export interface HubsoftBillingForm {
  numero_banco?: Loose;
  descricao?: Loose;
  agencia?: Loose;
  conta?: Loose;
  juros?: Loose;
  multa?: Loose;
  tipo_juros?: Loose;
  tipo_multa?: Loose;
}

/** A fatura as financeiro/fatura prints it (YYYY-MM-DD dates, money as strings). */
export interface HubsoftBill {
  id_fatura?: Loose;
  id_cliente_servico?: Loose;
  nosso_numero?: Loose;
  data_vencimento?: Loose;
  data_pagamento?: Loose;
  data_cadastro?: Loose;
  valor?: Loose;
  valor_pago?: Loose;
  valor_juros_pago?: Loose;
  valor_desconto?: Loose;
  linha_digitavel?: Loose;
  codigo_barras?: Loose;
  tipo_cobranca?: Loose;
  link?: Loose;
  /** The Pix code as financeiro/fatura names it (with exibir_pix_copia_cola=sim). */
  pix_copia_e_cola?: Loose;
  /** The same as cliente/financeiro names it (the newer collection's per-customer route). */
  pix_copia_cola?: Loose;
  empresa?: { documento?: Loose; nome_razaosocial?: Loose } | null;
  cliente?: HubsoftCustomer | null;
  servico?: { descricao?: Loose } | null;
  forma_cobranca?: HubsoftBillingForm | null;
  cobrancas?: { descricao?: Loose; valor?: Loose }[] | null;
}

export interface HubsoftTelecomNote {
  id_nota_fiscal?: Loose;
  numero_nota?: Loose;
  serie_nota?: Loose;
  valor?: Loose;
  data_emissao_br?: Loose;
  cancelado?: boolean | null;
  tipo_documento_fiscal?: { codigo?: Loose } | null;
  link?: Loose;
}

export interface HubsoftNfse {
  id_nfse?: Loose;
  numero?: Loose;
  serie?: Loose;
  valor?: Loose;
  data_emissao?: Loose;
  data_cadastro?: Loose;
  status?: Loose;
  link_pdf?: Loose;
}
