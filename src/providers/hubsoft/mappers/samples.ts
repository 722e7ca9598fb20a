// Hubsoft records as the vendor's docs print them (financeiro/fatura, cliente), for the mapper tests.
import type { HubsoftBill, HubsoftCustomer } from '../types.js';

/** A fatura as the docs print it in financeiro/fatura. */
export const fatura: HubsoftBill = {
  id_fatura: 24979,
  id_cliente_servico: 12066,
  nosso_numero: '271824',
  data_vencimento: '2017-09-25',
  data_pagamento: null,
  data_cadastro: '2017-09-14 17:08:32',
  valor: '28.27',
  valor_pago: null,
  linha_digitavel: '75691.31662 01006.726101 27182.400013 8 72930000002827',
  codigo_barras: '75698729300000028271316601006726102718240001',
  link: 'https://api.meuservidor.com.br/pdf/fatura/60f15db1',
  cliente: {
    id_cliente: 11533,
    nome_razaosocial: 'GUILHERME DA COSTA COUTO',
    tipo_pessoa: 'pf',
    cpf_cnpj: '09811102600',
  },
  forma_cobranca: { juros: 1, multa: 2, tipo_juros: 'percentual_mensal', tipo_multa: 'percentual' },
  cobrancas: [
    { descricao: 'Serviço de Comunicação e Multimídia', valor: 18.5 },
    { descricao: 'Serviço de Valor Adicionado', valor: 9.77 },
  ],
  pix_copia_e_cola: null,
};

/** A cliente as the docs print it in the cliente route (money as numbers, Hubsoft's data_nascmento). */
export const cliente: HubsoftCustomer = {
  id_cliente: 11201,
  nome_razaosocial: 'GUILHERME SILVA',
  cpf_cnpj: '10682083681',
  telefone_primario: '37988242968',
  telefone_secundario: '37988242968',
  telefone_terciario: '',
  email_principal: 'Guilherme@Silva.com.br',
  email_secundario: null,
  data_cadastro: '2017-08-05 00:00:00',
  data_nascmento: '1969-12-31 04:00:00',
  alerta_mensagens: ['Rompimento de fibra no bairro Centro'],
  servicos: [
    {
      id_cliente_servico: 11201,
      nome: '4M',
      valor: 119.9,
      status_prefixo: 'suspenso_debito',
      endereco_cadastral: {
        logradouro: 'RUA',
        endereco: 'DONA MARIA DAS DORES',
        numero: '541',
        complemento: 'IGREJA',
        bairro: 'CENTRO',
        cep: '35501-048',
        estado: 'MG',
        cidade: 'Divinópolis',
      },
      endereco_instalacao: { completo: 'RUA MINAS GERAIS, 1793 - IPIRANGA, DIVINÓPOLIS/MG' },
    },
  ],
};
