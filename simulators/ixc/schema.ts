// The tables the simulator serves and their columns (a realistic subset of IXC's, with IXC's own
// names and typos). Every value is a string; a column absent from an insert is stored as "".
import type { Row, Table } from './table-engine.js';

const cols = (list: string) => list.trim().split(/\s+/);

export const TABLE_COLUMNS: Record<string, readonly string[]> = {
  /** The licensee itself: one row, read by clients as a health probe. */
  empresa: cols('id razao fantasia cnpj cidade'),
  filial: cols('id razao fantasia cnpj ativo cidade'),
  contas: cols('id conta tipo_conta ativo filial_padrao'),
  fn_carteira_cobranca: cols('id descricao id_conta ativo filial_id tipo_recebimento multap jurop'),
  cliente_contrato_tipo: cols(
    'id tipo_contrato tipo_pagamento periodo qtd_periodos ativo id_condicoes_pagamento',
  ),
  cliente_contrato_modelo: cols('id descricao ativo'),
  su_oss_assunto: cols('id assunto ativo id_wfl_processo'),
  su_ticket_setor: cols('id setor ativo ordem'),
  vendedor: cols('id nome status comissao email telefone celular cnpj_cpf id_cidade'),
  vd_contratos: cols('id nome descricao valor_contrato Ativo tipo id_filial fidelidade valor_desconto'),
  uf: cols('id sigla nome'),
  cidade: cols('id nome uf cod_ibge'),
  cliente: cols(`id ativo tipo_pessoa razao fantasia cnpj_cpf ie_identidade data_nascimento data_cadastro
    filial_id cep endereco numero complemento bairro cidade uf referencia tipo_localidade latitude longitude
    fone telefone_comercial telefone_celular whatsapp email hotsite_email contato id_vendedor obs alerta
    contribuinte_icms tipo_assinante iss_classificacao_padrao cob_envia_email cob_envia_sms id_campanha
    indicado_por senha tipo_cliente_scm ultima_atualizacao`),
  cliente_contrato: cols(`id tipo id_cliente id_vd_contrato contrato status status_internet data data_ativacao
    dia_fixo_vencimento id_tipo_contrato id_modelo id_filial id_carteira_cobranca id_vendedor id_tipo_documento
    cc_previsao tipo_cobranca renovacao_automatica base_geracao_tipo_doc bloqueio_automatico aviso_atraso
    endereco_padrao_cliente desbloqueio_confianca desbloqueio_confianca_ativo dt_ult_des_bloq_conf
    contrato_suspenso obs obs_contrato alerta_contrato taxa_instalacao cep endereco numero complemento bairro
    cidade ultima_atualizacao`),
  fn_areceber: cols(`id id_cliente id_contrato filial_id status liberado data_emissao data_vencimento valor
    valor_aberto valor_recebido valor_cancelado documento nn_boleto linha_digitavel gateway_link pix_txid
    recebido_via_pix tipo_recebimento obs nparcela id_carteira_cobranca id_conta id_nota_gerada pagamento_data
    baixa_data ultima_atualizacao`),
  fn_areceber_baixas: cols(`id id_receber filial_id conta_ id_conta tipo_recebimento data valor_parcela
    credito debito tipo_lanc valor_total_recebido vacrescimo vdesconto historico documento data_lancamento`),
  su_ticket:
    cols(`id tipo protocolo id_cliente id_contrato id_filial id_assunto titulo id_ticket_setor prioridade
    menssagem su_status cliente_fone cliente_email id_wfl_processo origem_endereco data_criacao
    ultima_atualizacao`),
  su_oss_chamado:
    cols(`id tipo protocolo id_ticket id_assunto id_cliente id_filial origem_endereco prioridade setor
    mensagem status data_abertura`),
  contato: cols(`id nome tipo_pessoa cnpj_cpf email fone_celular fone_residencial fone_comercial fone_whatsapp
    data_cadastro id_cliente id_vd_contrato id_responsavel origem_source origem_medium origem_campaing cep endereco
    numero bairro cidade obs lead ativo`),
  vd_saida: cols(
    'id id_cliente filial_id numero_nf modelo_nf serie status data_emissao valor_total nfe_chave id_contrato',
  ),
};

/** Columns IXC fills itself: an insert or update cannot set them. */
export const READ_ONLY: Record<string, readonly string[]> = {
  fn_areceber: ['linha_digitavel', 'gateway_link', 'nn_boleto'],
};

/** Fields an insert must carry, per table (IXC answers `type: error` naming the first missing one). */
export const REQUIRED: Record<string, readonly string[]> = {
  cliente: cols(`ativo tipo_pessoa razao cnpj_cpf contribuinte_icms tipo_assinante cep endereco numero bairro
    cidade tipo_localidade iss_classificacao_padrao`),
  cliente_contrato: cols(`tipo id_cliente id_vd_contrato contrato id_tipo_contrato id_modelo id_filial data
    id_tipo_documento id_carteira_cobranca id_vendedor cc_previsao tipo_cobranca renovacao_automatica
    base_geracao_tipo_doc bloqueio_automatico aviso_atraso endereco_padrao_cliente`),
  su_ticket: cols('tipo id_cliente id_assunto titulo id_ticket_setor prioridade menssagem su_status'),
  su_oss_chamado: cols('tipo id_assunto id_cliente id_filial origem_endereco prioridade setor status'),
  contato: cols('nome data_cadastro'),
};

export type Tables = Record<string, Table>;

export function createTables(): Tables {
  const tables: Tables = {};
  for (const [name, columns] of Object.entries(TABLE_COLUMNS)) {
    tables[name] = { name, columns, rows: [], nextId: 1 };
  }
  return tables;
}

/** Adds a row: every column present, as a string; `id` assigned when not given. */
export function addRow(table: Table, values: Record<string, string | number>): Row {
  const row: Row = {};
  for (const c of table.columns) row[c] = '';
  for (const [k, v] of Object.entries(values)) if (table.columns.includes(k)) row[k] = String(v);
  if (row.id === '') row.id = String(table.nextId);
  table.nextId = Math.max(table.nextId, Number(row.id) + 1);
  table.rows.push(row);
  return row;
}

export function findRow(table: Table, id: string): Row | undefined {
  return table.rows.find((r) => r.id === id);
}
