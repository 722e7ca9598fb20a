// A realistic request body and 200 body per function, for the docs, the CLI help and the tests.
// The boleto line and the Pix code are real (their check digits and CRC hold); the people and
// companies are made up, with valid check digits.
import type { z } from 'zod';
import type { FunctionName, FunctionOutput, inputSchemas } from './schemas.js';

const CPF = '52998224725';
const CPF_MASKED = '529.982.247-25';

const order = {
  id: 'ord_20261128_0042',
  created_at: '2026-11-28T14:03:00-03:00',
  customer: {
    name: 'Maria Aparecida Souza',
    document_number: CPF_MASKED,
    birth_date: '1988-04-17',
    email: 'maria.souza@example.com',
    phone: '(19) 98765-4321',
    phone_secondary: '(19) 3234-5678',
    rg: '32.456.789-1',
  },
  address: {
    zip_code: '13010-111',
    street: 'Rua Barão de Jaguara',
    number: '1234',
    complement: 'Apto 52',
    neighborhood: 'Centro',
    city: 'Campinas',
    state: 'SP',
    ibge_code: '3509502',
    reference: 'Em frente à praça',
    latitude: -22.9056,
    longitude: -47.0608,
  },
  items: [{ product_code: 'FIBRA-500M', name: 'Fibra 500 Mega', price: '129.90', quantity: 1 }],
  due_date_code: '10',
  reseller_code: '7',
  commercial_origin_code: '3',
  payment_method: 'boleto',
  installation_fee: '0.00',
  notes: 'Instalação de preferência pela manhã.',
};

const message = 'Pedido ord_20261128_0042: Fibra 500 Mega (R$ 129,90), vencimento dia 10.';

export const inputExamples: { readonly [N in FunctionName]: z.input<(typeof inputSchemas)[N]> } = {
  create_order: { order, message },
  create_order_existing_customer: {
    order,
    message,
    customer_document_number: CPF_MASKED,
    wda_user: {
      id: 'usr_88412',
      name: 'Maria Aparecida Souza',
      email: 'maria.souza@example.com',
      phone: '19987654321',
      document_number: CPF,
    },
  },
  create_lead: {
    lead: {
      id: 'lead_51207',
      name: 'João Pereira',
      email: 'joao.pereira@example.com',
      phone: '+55 19 99123-4567',
      address: { zip_code: '13083-970', city: 'Campinas', state: 'SP' },
      product_code: 'FIBRA-500M',
      commercial_origin_code: '3',
      notes: 'Asked for coverage in Barão Geraldo.',
      created_at: '2026-11-28T10:15:00-03:00',
    },
  },
  list_resellers: {},
  list_products: {},
  list_due_dates: {},
  list_commercial_origins: {},
  list_bills: { customer_document_number: CPF_MASKED },
  get_bill: { customer_bill_id: '58213', customer_document_number: CPF },
  get_boleto_pdf: { boleto_id: '58213', customer_document_number: CPF },
  settle_bill: {
    transaction: {
      id: 'txn_7f3a9c21',
      method: 'pix',
      amount: '129.90',
      paid_at: '2026-12-08T09:41:27-03:00',
      end_to_end_id: 'E18236120202612081241s0123456789',
      txid: 'FAT000123456',
    },
    boleto_id: '58213',
    customer_document_number: CPF,
  },
  get_customer: { customer_document_number: CPF_MASKED },
  get_customer_contacts: { customer_document_number: CPF },
  get_internal_pending: { customer_document_number: CPF },
  update_customer: {
    customer_document_number: CPF,
    changes: { email: 'maria.aparecida@example.com', address: { number: '1236', complement: 'Casa 2' } },
  },
  list_plans: { customer_document_number: CPF },
  list_blocked_plans: { customer_document_number: CPF },
  trust_unlock: { customer_document_number: CPF, contract_id: '3107' },
  create_ticket: {
    customer_document_number: CPF,
    subject: 'sem_conexao',
    message: 'Customer reports no connection since 08:00; ONU light is red.',
    contract_id: '3107',
    contact_name: 'Maria',
    contact_phone: '(19) 98765-4321',
    request_id: 'req_6c1e0b7d',
  },
  list_invoices: { customer_document_number: CPF },
  get_invoice_pdf: { invoice_id: '90211', customer_document_number: CPF },
};

// The first bytes of a PDF file ("%PDF-1.7\n"), enough to show the encoding.
const PDF_BASE64 = 'JVBERi0xLjcK';

const openBill = {
  document_number: CPF,
  fatura: '58213',
  nome_cliente: 'Maria Aparecida Souza',
  valor_inicial: '129.90',
  valor_final: '129.90',
  juros: '0.00',
  multa: '0.00',
  emissao: '2026-11-20',
  vencimento: '2026-12-10',
  historico: 'Fibra 500 Mega - 12/2026',
  link_boleto: '',
  linha_digitavel: '34191091233456780000712345610005116560000012990',
  code_fatura: '109/12345678-0',
  identifier: '',
  remote_id: '58213',
  pix_code:
    '00020126580014br.gov.bcb.pix01367d9f0335-8dcc-4054-9bf9-0dbd614400965204000053039865406129.905802BR5918NET RAPIDA TELECOM6008CAMPINAS62160512FAT000123456630470C8',
  desconto: '0.00',
  status: 'open',
} as const;

const overdueBill = {
  ...openBill,
  fatura: '57190',
  valor_final: '133.71',
  juros: '1.21',
  multa: '2.60',
  emissao: '2026-10-20',
  vencimento: '2026-11-10',
  historico: 'Fibra 500 Mega - 11/2026',
  link_boleto: 'https://erp.netrapida.example/boleto/57190',
  linha_digitavel: '',
  code_fatura: '109/12345601-2',
  remote_id: '57190',
  pix_code: '',
} as const;

const plan = {
  contract_id: '3107',
  plan_code: 'FIBRA-500M',
  plan_name: 'Fibra 500 Mega',
  status: 'blocked',
  blocked: true,
  block_reason: 'financial',
  value: '129.90',
  installation_address: 'Rua Barão de Jaguara, 1234, Apto 52 - Centro, Campinas/SP',
  trust_unlock_available: true,
} as const;

export const outputExamples: { readonly [N in FunctionName]: FunctionOutput<N> } = {
  create_order: {
    wda_order: {
      ...order,
      customer: {
        name: 'Maria Aparecida Souza',
        document_number: CPF,
        person_type: 'F',
        birth_date: '1988-04-17',
        email: 'maria.souza@example.com',
        phone: '19987654321',
        phone_secondary: '1932345678',
        rg: '32.456.789-1',
      },
      address: { ...order.address, zip_code: '13010111', state: 'SP' },
      payment_method: 'boleto',
    },
    remote_id: '4471',
    remote_message: 'Pré-contrato 4471 cadastrado com sucesso',
    is_issue: false,
  },
  create_order_existing_customer: { remote_id: '120934' },
  create_lead: { remote_id: '8812' },
  list_resellers: [
    { code: '7', name: 'Carlos Vendas ME', taxvat: '11222333000181', email: 'carlos@vendas.example' },
    { code: '9', name: 'Loja Centro', taxvat: '', email: '' },
  ],
  list_products: [
    { codigo: 'FIBRA-500M', nome: 'Fibra 500 Mega', valor: '129.90' },
    { codigo: 'FIBRA-1G', nome: 'Fibra 1 Giga' },
  ],
  list_due_dates: [
    { code: '5', name: '5' },
    { code: '10', name: '10' },
    { code: '20', name: '20' },
  ],
  list_commercial_origins: [
    { code: '1', description: 'Indicação' },
    { code: '3', description: 'Instagram' },
  ],
  list_bills: [overdueBill, openBill],
  get_bill: [openBill],
  get_boleto_pdf: { base_64: PDF_BASE64 },
  settle_bill: {
    success: true,
    api_response: '{"type":"success","message":"Baixa registrada","id":"99812"}',
    status: 'settled',
    settlement_id: '99812',
  },
  get_customer: {
    nome_completo: 'Maria Aparecida Souza',
    aniversario: '1988-04-17',
    data_registro: '2021-03-02',
    ativo: true,
    id_remoto: '2215',
    rua_endereco: 'Rua Barão de Jaguara',
    numero_endereco: '1234',
    cep_endereco: '13010111',
    cidade_endereco: 'Campinas',
    complemento_endereco: 'Apto 52',
    bairro_endereco: 'Centro',
    estado_endereco: 'SP',
    email: 'maria.souza@example.com',
    telefone: '19987654321',
  },
  get_customer_contacts: [
    { type: 'email', value: 'maria.souza@example.com' },
    { type: 'phone', value: '19987654321' },
  ],
  get_internal_pending: ['Cliente com equipamento em comodato não devolvido (ONU 2019).'],
  update_customer: { success: true, api_response: '{"type":"success","message":"Registro atualizado"}' },
  list_plans: [
    plan,
    {
      ...plan,
      contract_id: '3350',
      plan_code: 'TV-BASIC',
      plan_name: 'TV Básica',
      status: 'active',
      blocked: false,
      block_reason: '',
      value: '49.90',
      trust_unlock_available: null,
    },
  ],
  list_blocked_plans: [plan],
  trust_unlock: {
    success: true,
    message: 'Contrato desbloqueado em confiança por 3 dias',
    unlocked_until: '2026-12-11',
    protocol: '20261208-000731',
  },
  create_ticket: { remote_id: '77120', protocol: '20261208-000732' },
  list_invoices: [
    {
      id_nota: '90211',
      numero: '18423',
      serie: '1',
      modelo: '62',
      status: 'authorized',
      valor: '129.90',
      data_emissao: '2026-11-20',
      chave_acesso: '35261112345678000195620010000184231000184230',
      url_nota_fiscal: '',
    },
  ],
  get_invoice_pdf: { base_64: PDF_BASE64 },
};
