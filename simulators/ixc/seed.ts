// Deterministic, realistic IXC data: branches, accounts, wallets, plans, sellers, subjects and
// departments, then customers (CPF/CNPJ stored masked, as IXC does) with contracts (active,
// blocked automatically, blocked manually, trust unlock already used), bills (paid, open, overdue,
// cancelled; linha digitável valid, some billed through a gateway link) and notas fiscais. Dates
// are offsets from `today`, so "overdue" stays overdue whatever day the tests run.
//
// The fixed customers of FIXTURES play the contract suite's roles; filler customers come on top.
import { addDays } from '../../src/brasil/dates.js';
import { cnpjCheckDigits, cpfCheckDigits, formatDocument } from '../../src/brasil/document.js';
import { formatMoney } from '../../src/brasil/money.js';
import { barcodeToLine, buildBoletoBarcode } from '../../src/brasil/boleto.js';
import { addRow } from './schema.js';
import type { Tables } from './schema.js';
import { prng } from '../shared/prng.js';

/**
 * Planning accounts (planejamento analítico) bills are booked to: fn_areceber.id_conta, and the
 * id_conta a settlement must name. Not served as a table (the simulator does not model IXC's plan
 * of accounts), only checked.
 */
export const PLANNING_ACCOUNTS: Readonly<Record<string, string>> = {
  '174': 'Receitas de mensalidades',
  '175': 'Receitas recebidas por gateway',
};

export const BANK_CODE = '001';
export const CONVENIO = '1234567';
/** The ISP behind the simulator (beneficiary of its boletos and Pix). */
export const ISP = {
  name: 'PONTE TELECOM LTDA',
  document: '48037216000158',
  city: 'CAMPINAS',
  pixKey: '48037216000158',
};

const cpf = (base9: string) => base9 + cpfCheckDigits(base9);
const cnpj = (base12: string) => base12 + cnpjCheckDigits(base12);

/** The fixed customers' documents (digits), by role. */
export const FIXTURES = {
  bills: cpf('318457203'),
  otherBills: cpf('274019586'),
  noBills: cpf('405817362'),
  unlockable: cpf('563920174'),
  notes: cpf('681034529'),
  blockedManual: cpf('720491835'),
  unlockUsed: cpf('839205617'),
  company: cnpj('271846390001'),
  manyBills: cpf('946102738'),
} as const;
export type FixtureRole = keyof typeof FIXTURES;

export interface SeedOptions {
  /** The day the data is anchored on (yyyy-mm-dd). */
  today: string;
  /** Filler customers generated beside the fixed ones. */
  customers?: number;
  seed?: number;
}

const PLANS = [
  { id: '1', nome: 'Fibra 100 Mega', valor: 7990 },
  { id: '2', nome: 'Fibra 300 Mega', valor: 9990 },
  { id: '3', nome: 'Fibra 600 Mega', valor: 12990 },
  { id: '4', nome: 'Fibra 1 Giga', valor: 17990 },
];

const CITIES = [
  { id: '3509', nome: 'Campinas', uf: '26', ibge: '3509502', ddd: '19', cep: '13015' },
  { id: '3550', nome: 'São Paulo', uf: '26', ibge: '3550308', ddd: '11', cep: '01310' },
  { id: '4106', nome: 'Curitiba', uf: '18', ibge: '4106902', ddd: '41', cep: '80010' },
  { id: '3106', nome: 'Belo Horizonte', uf: '13', ibge: '3106200', ddd: '31', cep: '30130' },
];

function seedCatalogue(t: Tables): void {
  addRow(t.uf!, { id: 13, sigla: 'MG', nome: 'Minas Gerais' });
  addRow(t.uf!, { id: 18, sigla: 'PR', nome: 'Paraná' });
  addRow(t.uf!, { id: 26, sigla: 'SP', nome: 'São Paulo' });
  for (const c of CITIES) addRow(t.cidade!, { id: c.id, nome: c.nome, uf: c.uf, cod_ibge: c.ibge });
  addRow(t.empresa!, {
    id: 1,
    razao: ISP.name,
    fantasia: 'Ponte Telecom',
    cnpj: formatDocument(ISP.document),
    cidade: '3509',
  });
  addRow(t.filial!, {
    id: 1,
    razao: ISP.name,
    fantasia: 'Ponte Telecom Matriz',
    cnpj: formatDocument(ISP.document),
    ativo: 'S',
    cidade: '3509',
  });
  addRow(t.filial!, {
    id: 2,
    razao: ISP.name,
    fantasia: 'Ponte Telecom Curitiba',
    cnpj: '48.037.216/0002-39',
    ativo: 'S',
    cidade: '4106',
  });
  addRow(t.contas!, { id: 1, conta: 'Caixa interno', tipo_conta: 'C', ativo: 'S', filial_padrao: '1' });
  addRow(t.contas!, {
    id: 2,
    conta: 'Banco do Brasil 1234-5',
    tipo_conta: 'B',
    ativo: 'S',
    filial_padrao: '1',
  });
  addRow(t.contas!, {
    id: 3,
    conta: 'Recebimentos Pix e cartão (Ponte)',
    tipo_conta: 'B',
    ativo: 'S',
    filial_padrao: '1',
  });
  addRow(t.fn_carteira_cobranca!, {
    id: 1,
    descricao: 'Boleto BB registrado',
    id_conta: '2',
    ativo: 'S',
    filial_id: '1',
    tipo_recebimento: 'Boleto',
    multap: '2.00',
    jurop: '0.033',
  });
  addRow(t.fn_carteira_cobranca!, {
    id: 2,
    descricao: 'Gateway de pagamento',
    id_conta: '3',
    ativo: 'S',
    filial_id: '1',
    tipo_recebimento: 'Gateway',
    multap: '2.00',
    jurop: '0.033',
  });
  [5, 10, 15, 20].forEach((day, i) =>
    addRow(t.cliente_contrato_tipo!, {
      id: 10 + i,
      tipo_contrato: `Mensal pós-pago dia ${day}`,
      tipo_pagamento: 'Pos',
      periodo: 'M',
      qtd_periodos: '1',
      ativo: 'S',
      id_condicoes_pagamento: '1',
    }),
  );
  addRow(t.cliente_contrato_modelo!, { id: 1, descricao: 'Contrato SCM pessoa física', ativo: 'S' });
  addRow(t.cliente_contrato_modelo!, { id: 2, descricao: 'Contrato SCM pessoa jurídica', ativo: 'S' });
  // Subjects may have a linked workflow process (id_wfl_processo); "Mudança de endereço" has none.
  (
    [
      ['Suporte técnico', '11'],
      ['Financeiro', '12'],
      ['Venda de novo plano', '13'],
      ['Mudança de endereço', ''],
    ] as const
  ).forEach(([assunto, processo], i) =>
    addRow(t.su_oss_assunto!, { id: i + 1, assunto, ativo: 'S', id_wfl_processo: processo }),
  );
  ['Suporte', 'Financeiro', 'Comercial'].forEach((setor, i) =>
    addRow(t.su_ticket_setor!, { id: i + 1, setor, ativo: 'S', ordem: i + 1 }),
  );
  addRow(t.vendedor!, {
    id: 1,
    nome: 'Loja Centro',
    status: 'A',
    comissao: '3.00',
    email: 'loja.centro@ponte.example',
    telefone: '(19) 3232-1000',
    cnpj_cpf: '',
    id_cidade: '3509',
  });
  addRow(t.vendedor!, {
    id: 2,
    nome: 'Carla Revendas ME',
    status: 'A',
    comissao: '5.00',
    email: 'carla@revendas.example',
    celular: '(19) 99876-1234',
    cnpj_cpf: formatDocument(cnpj('123987450001')),
    id_cidade: '3509',
  });
  addRow(t.vendedor!, {
    id: 3,
    nome: 'Marcos Vendedor',
    status: 'A',
    comissao: '4.00',
    email: 'marcos@ponte.example',
    cnpj_cpf: formatDocument(cpf('112358132')),
    id_cidade: '4106',
  });
  addRow(t.vendedor!, { id: 4, nome: 'Ex-vendedor Inativo', status: 'I', comissao: '0.00', email: '' });
  for (const p of PLANS) {
    addRow(t.vd_contratos!, {
      id: p.id,
      nome: p.nome,
      descricao: `${p.nome} com Wi-Fi 6`,
      valor_contrato: formatMoney(p.valor),
      Ativo: 'S',
      tipo: 'I',
      id_filial: '1',
      fidelidade: '12',
      valor_desconto: '0.00',
    });
  }
  addRow(t.vd_contratos!, {
    id: 9,
    nome: 'Rádio 10 Mega (descontinuado)',
    valor_contrato: '59.90',
    Ativo: 'N',
    tipo: 'I',
    id_filial: '1',
  });
}

interface Person {
  name: string;
  document: string;
  city?: (typeof CITIES)[number];
  email?: string;
  mobile?: string;
  landline?: string;
  alerta?: string;
  obs?: string;
  birth?: string;
  since: string;
}

function addCustomer(t: Tables, p: Person): string {
  const city = p.city ?? CITIES[0]!;
  const company = p.document.length === 14;
  const row = addRow(t.cliente!, {
    ativo: 'S',
    tipo_pessoa: company ? 'J' : 'F',
    razao: p.name,
    fantasia: company ? p.name.replace(/ Ltda$/, '') : '',
    cnpj_cpf: formatDocument(p.document),
    data_nascimento: p.birth ?? '0000-00-00',
    data_cadastro: p.since,
    filial_id: '1',
    cep: `${city.cep}-100`,
    endereco: 'Rua das Palmeiras',
    numero: String(100 + (Number(p.document.slice(3, 6)) % 800)),
    complemento: company ? 'Loja 2' : '',
    bairro: 'Centro',
    cidade: city.id,
    uf: city.uf,
    tipo_localidade: 'U',
    fone: p.landline ?? '',
    telefone_celular: p.mobile ?? '',
    whatsapp: p.mobile ?? '',
    email: p.email ?? '',
    id_vendedor: '1',
    obs: p.obs ?? '',
    alerta: p.alerta ?? '',
    contribuinte_icms: company ? 'S' : 'N',
    tipo_assinante: company ? '1' : '3',
    iss_classificacao_padrao: '00',
    cob_envia_email: 'S',
    cob_envia_sms: 'N',
    senha: '1234',
    ultima_atualizacao: `${p.since} 09:00:00`,
  });
  return row.id!;
}

interface ContractSpec {
  plan: (typeof PLANS)[number];
  statusInternet?: string;
  status?: string;
  lastTrustUnlock?: string;
  alerta?: string;
}

function addContract(t: Tables, customerId: string, since: string, c: ContractSpec): string {
  return addRow(t.cliente_contrato!, {
    tipo: 'I',
    id_cliente: customerId,
    id_vd_contrato: c.plan.id,
    contrato: c.plan.nome,
    status: c.status ?? 'A',
    status_internet: c.statusInternet ?? 'A',
    data: since,
    data_ativacao: since,
    dia_fixo_vencimento: '10',
    id_tipo_contrato: '11',
    id_modelo: '1',
    id_filial: '1',
    id_carteira_cobranca: '1',
    id_vendedor: '1',
    id_tipo_documento: '501',
    cc_previsao: 'M',
    tipo_cobranca: 'P',
    renovacao_automatica: 'S',
    base_geracao_tipo_doc: 'P',
    bloqueio_automatico: 'S',
    aviso_atraso: 'S',
    endereco_padrao_cliente: 'S',
    desbloqueio_confianca: 'S',
    desbloqueio_confianca_ativo: 'N',
    dt_ult_des_bloq_conf: c.lastTrustUnlock ?? '0000-00-00',
    contrato_suspenso: 'N',
    alerta_contrato: c.alerta ?? '',
    ultima_atualizacao: `${since} 09:00:00`,
  }).id!;
}

type BillState = 'open' | 'paid' | 'cancelled';

interface BillSpec {
  due: string;
  cents: number;
  state: BillState;
  gateway?: boolean;
}

/** A bill as IXC keeps it; boleto bills get a valid linha digitável, gateway bills a link. */
function addBill(t: Tables, customerId: string, contractId: string, b: BillSpec): string {
  const table = t.fn_areceber!;
  const id = String(table.nextId);
  const ourNumber = CONVENIO + id.padStart(10, '0');
  const line =
    b.gateway === true || b.state === 'cancelled'
      ? ''
      : barcodeToLine(
          buildBoletoBarcode({
            bank: BANK_CODE,
            dueDate: b.due,
            amountCents: b.cents,
            freeField: `000000${ourNumber}17`,
          }),
        );
  const amount = formatMoney(b.cents);
  const issued = addDays(b.due, -20);
  return addRow(table, {
    id,
    id_cliente: customerId,
    id_contrato: contractId,
    filial_id: '1',
    status: b.state === 'paid' ? 'R' : b.state === 'cancelled' ? 'C' : 'A',
    liberado: 'S',
    data_emissao: issued,
    data_vencimento: b.due,
    valor: amount,
    valor_aberto: b.state === 'open' ? amount : '0.00',
    valor_recebido: b.state === 'paid' ? amount : '0.00',
    valor_cancelado: b.state === 'cancelled' ? amount : '0.00',
    documento: id,
    nn_boleto: b.gateway === true ? '' : ourNumber,
    linha_digitavel: line,
    gateway_link: b.gateway === true ? `https://pagamentos.ponte.example/fatura/${id}` : '',
    tipo_recebimento: b.gateway === true ? 'Gateway' : 'Boleto',
    obs: `Referente a ${issued.slice(5, 7)}/${issued.slice(0, 4)}`,
    nparcela: '1',
    id_carteira_cobranca: b.gateway === true ? '2' : '1',
    // The bill's planning account (planejamento analítico), not the bank account of its wallet.
    id_conta: b.gateway === true ? '175' : '174',
    id_nota_gerada: '0',
    pagamento_data: b.state === 'paid' ? b.due : '0000-00-00',
    baixa_data: b.state === 'paid' ? b.due : '0000-00-00',
    ultima_atualizacao: `${issued} 08:00:00`,
  }).id!;
}

function accessKey(seq: number, issued: string): string {
  const body = `35${issued.slice(2, 4)}${issued.slice(5, 7)}${ISP.document}62001${String(seq).padStart(9, '0')}1${String(
    seq * 7919,
  )
    .padStart(8, '0')
    .slice(-8)}`;
  let weight = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const dv = 11 - (sum % 11);
  return body + String(dv >= 10 ? 0 : dv);
}

function addInvoice(
  t: Tables,
  customerId: string,
  contractId: string,
  issued: string,
  cents: number,
  model: '62' | '21',
  cancelled = false,
): void {
  const table = t.vd_saida!;
  const seq = table.nextId;
  addRow(table, {
    id_cliente: customerId,
    filial_id: '1',
    numero_nf: String(1000 + seq),
    modelo_nf: model,
    serie: model === '62' ? '1' : 'U',
    status: cancelled ? 'C' : 'F',
    data_emissao: issued,
    valor_total: formatMoney(cents),
    nfe_chave: model === '62' ? accessKey(seq, issued) : '',
    id_contrato: contractId,
  });
}

const FIRST = [
  'Ana',
  'Bruno',
  'Camila',
  'Diego',
  'Elaine',
  'Fábio',
  'Gabriela',
  'Henrique',
  'Isabela',
  'Jorge',
  'Larissa',
  'Mateus',
];
const LAST = [
  'Silva',
  'Souza',
  'Ribeiro',
  'Ferreira',
  'Almeida',
  'Pereira',
  'Barbosa',
  'Rocha',
  'Carvalho',
  'Teixeira',
];

function seedFixtures(t: Tables, today: string): void {
  const d = (n: number) => addDays(today, n);
  const since = d(-700);
  const [p100, p300, p600] = [PLANS[0]!, PLANS[1]!, PLANS[2]!];

  const maria = addCustomer(t, {
    name: 'Maria Aparecida Souza',
    document: FIXTURES.bills,
    email: 'maria.souza@example.com',
    mobile: '(19) 98765-4321',
    landline: '(19) 3251-7788',
    birth: '1984-03-12',
    since,
  });
  const mariaContract = addContract(t, maria, since, { plan: p300 });
  addBill(t, maria, mariaContract, { due: d(-80), cents: 9990, state: 'cancelled' });
  addBill(t, maria, mariaContract, { due: d(-50), cents: 9990, state: 'paid' });
  addBill(t, maria, mariaContract, { due: d(-20), cents: 9990, state: 'open' });
  addBill(t, maria, mariaContract, { due: d(10), cents: 9990, state: 'open', gateway: true });
  addBill(t, maria, mariaContract, { due: d(40), cents: 9990, state: 'open' });
  addInvoice(t, maria, mariaContract, d(-70), 9990, '62');
  addInvoice(t, maria, mariaContract, d(-40), 9990, '62');
  addInvoice(t, maria, mariaContract, d(-100), 9990, '21', true);

  const joao = addCustomer(t, {
    name: 'João Pedro Lima',
    document: FIXTURES.otherBills,
    email: 'joao.lima@example.com',
    mobile: '(11) 97654-3210',
    since,
    city: CITIES[1],
  });
  const joaoContract = addContract(t, joao, since, { plan: p100 });
  addBill(t, joao, joaoContract, { due: d(5), cents: 7990, state: 'open' });
  addInvoice(t, joao, joaoContract, d(-25), 7990, '62');

  const ana = addCustomer(t, {
    name: 'Ana Beatriz Costa',
    document: FIXTURES.noBills,
    email: 'ana.costa@example.com',
    mobile: '(41) 99123-4567',
    since,
    city: CITIES[2],
  });
  const anaContract = addContract(t, ana, since, { plan: p600 });
  addBill(t, ana, anaContract, { due: d(-15), cents: 12990, state: 'paid' });

  const carlos = addCustomer(t, {
    name: 'Carlos Eduardo Santos',
    document: FIXTURES.unlockable,
    email: 'carlos.santos@example.com',
    mobile: '(19) 99812-3344',
    since,
  });
  addContract(t, carlos, since, { plan: p100 });
  const carlosBlocked = addContract(t, carlos, since, { plan: p300, statusInternet: 'CA' });
  addBill(t, carlos, carlosBlocked, { due: d(-25), cents: 9990, state: 'open' });

  const fernanda = addCustomer(t, {
    name: 'Fernanda Oliveira',
    document: FIXTURES.notes,
    email: 'fernanda.oliveira@example.com',
    mobile: '(31) 98888-1212',
    landline: '(31) 3333-4444',
    alerta:
      'Cliente pediu cancelamento em atendimento anterior: falar com a retenção antes de vender.<br />Documentação pendente.',
    obs: 'Cliente desde a migração do sistema antigo.',
    since,
    city: CITIES[3],
  });
  const fernandaContract = addContract(t, fernanda, since, {
    plan: p300,
    alerta: 'Roteador em comodato com defeito: trocar na próxima visita.',
  });
  addBill(t, fernanda, fernandaContract, { due: d(12), cents: 9990, state: 'open' });

  const roberto = addCustomer(t, {
    name: 'Roberto Alves',
    document: FIXTURES.blockedManual,
    mobile: '(19) 99701-2030',
    since,
  });
  const robertoContract = addContract(t, roberto, since, { plan: p100, statusInternet: 'CM' });
  addBill(t, roberto, robertoContract, { due: d(-40), cents: 7990, state: 'open' });

  const patricia = addCustomer(t, {
    name: 'Patrícia Gomes',
    document: FIXTURES.unlockUsed,
    email: 'patricia.gomes@example.com',
    since,
  });
  const patriciaContract = addContract(t, patricia, since, {
    plan: p100,
    statusInternet: 'CA',
    lastTrustUnlock: d(-10),
  });
  addBill(t, patricia, patriciaContract, { due: d(-35), cents: 7990, state: 'open' });

  const bakery = addCustomer(t, {
    name: 'Padaria Pão Quente Ltda',
    document: FIXTURES.company,
    email: 'financeiro@paoquente.example',
    landline: '(19) 3232-9090',
    since,
  });
  const bakeryContract = addContract(t, bakery, since, { plan: PLANS[3]! });
  addBill(t, bakery, bakeryContract, { due: d(-3), cents: 17990, state: 'open' });
  addBill(t, bakery, bakeryContract, { due: d(27), cents: 17990, state: 'open', gateway: true });

  const lucas = addCustomer(t, {
    name: 'Lucas Martins',
    document: FIXTURES.manyBills,
    email: 'lucas.martins@example.com',
    mobile: '(19) 99555-6677',
    since,
  });
  const lucasContract = addContract(t, lucas, since, { plan: p100 });
  for (let m = -4; m <= 2; m++)
    addBill(t, lucas, lucasContract, { due: d(30 * m + 1), cents: 7990, state: 'open' });
}

const RESERVED = new Set([...Object.values(FIXTURES).map((d) => d.slice(0, 9)), '529982247']);

function seedFillers(t: Tables, today: string, count: number, seed: number): void {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  for (let i = 0; i < count; i++) {
    const base = String(100000000 + Math.floor(rnd() * 800000000)).slice(0, 9);
    // Fixed customers' documents and the published test CPF stay unique / unknown.
    if (RESERVED.has(base)) continue;
    const name = `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`;
    const city = pick(CITIES);
    const since = addDays(today, -30 - Math.floor(rnd() * 1500));
    const phone = `(${city.ddd}) 9${String(8000 + Math.floor(rnd() * 1999))}-${String(1000 + Math.floor(rnd() * 8999))}`;
    const id = addCustomer(t, {
      name,
      document: cpf(base),
      city,
      mobile: phone,
      email: `${name.split(' ')[0]!.toLowerCase()}${i}@example.com`,
      since,
    });
    const plan = pick(PLANS);
    const roll = rnd();
    const statusInternet = roll < 0.1 ? 'CA' : roll < 0.13 ? 'CM' : roll < 0.16 ? 'FA' : 'A';
    const contract = addContract(t, id, since, { plan, statusInternet });
    for (let m = -3; m <= 1; m++) {
      const due = addDays(today, 30 * m + Math.floor(rnd() * 20));
      const state: BillState = due < today && (statusInternet === 'A' || m < -1) ? 'paid' : 'open';
      addBill(t, id, contract, { due, cents: plan.valor, state, gateway: rnd() < 0.3 });
    }
  }
}

/** Fills empty tables with the catalogue, the fixed customers, then `customers` fillers. */
export function seedTables(t: Tables, options: SeedOptions): void {
  seedCatalogue(t);
  seedFixtures(t, options.today);
  seedFillers(t, options.today, options.customers ?? 40, options.seed ?? 1);
}
