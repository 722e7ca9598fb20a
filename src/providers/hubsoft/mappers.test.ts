import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { billSchema, customerSchema, planSchema } from '../../contract/index.js';
import {
  billRef,
  birthDate,
  envelopeStatus,
  invoiceWindows,
  invoicesOf,
  lateFeeRule,
  parseBillRef,
  planState,
  prospectFromLead,
  settlementBody,
  settlementOutcome,
  toBill,
  toCents,
  toContacts,
  toCustomer,
  toIsoDate,
  toPlan,
  unlockedUntil,
} from './mappers.js';
import { hubsoftSettingsSchema } from './settings.js';
import type { HubsoftBill } from './types.js';

const fallback = { fineBasisPoints: 200, monthlyInterestBasisPoints: 100 };
const interestFrom = 'due_date' as const;
const methods = hubsoftSettingsSchema.parse({
  base_url: 'https://api.provedor.com.br',
  client_id: '3',
  client_secret: 's',
  username: 'u@p.com.br',
  password: 'p',
}).meios_pagamento;

/** A fatura as the docs print it in financeiro/fatura. */
const fatura: HubsoftBill = {
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

describe('values', () => {
  test('envelope status: success, the "suscess" typo, error; anything else is unknown', () => {
    assert.equal(envelopeStatus('success'), 'success');
    assert.equal(envelopeStatus('suscess'), 'success');
    assert.equal(envelopeStatus('error'), 'error');
    assert.equal(envelopeStatus('ok'), null);
    assert.equal(envelopeStatus(undefined), null);
  });

  test("dates in Hubsoft's four forms", () => {
    assert.equal(toIsoDate('2017-09-25'), '2017-09-25');
    assert.equal(toIsoDate('2017-09-14 17:08:32'), '2017-09-14');
    assert.equal(toIsoDate('10/10/2017'), '2017-10-10');
    assert.equal(toIsoDate('26/09/2017 13:20'), '2017-09-26');
    assert.equal(toIsoDate('31/02/2017'), null);
    assert.equal(toIsoDate(null), null);
  });

  test('an unknown birth date (the epoch artifact) is ""', () => {
    assert.equal(birthDate('1969-12-31 04:00:00'), '');
    assert.equal(birthDate('1994-03-10'), '1994-03-10');
    assert.equal(birthDate(null), '');
  });

  test('money as numbers and as strings gives the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (cents) => {
        assert.equal(toCents(cents / 100), cents);
        assert.equal(toCents(String(cents / 100)), cents);
      }),
      { numRuns: 2000 },
    );
    assert.equal(toCents('5'), 500);
    assert.equal(toCents(''), null);
    assert.equal(toCents(null), null);
  });
});

describe('bills', () => {
  test('an open fatura before its due date: no fees, digits-only line, remote id with the service', () => {
    const bill = toBill(fatura, { today: '2017-09-20', fallback, interestFrom });
    assert.ok(billSchema.safeParse(bill).success);
    assert.equal(bill.valor_final, '28.27');
    assert.equal(bill.linha_digitavel, '75691316620100672610127182400013872930000002827');
    assert.equal(bill.remote_id, '24979-s12066');
    assert.equal(bill.historico, 'Serviço de Comunicação e Multimídia; Serviço de Valor Adicionado');
    assert.equal(bill.emissao, '2017-09-14');
    assert.equal(bill.status, 'open');
  });

  test("overdue: the forma de cobrança's rates, fine once, interest pro rata die", () => {
    // Due Monday 2017-09-25, paid 30 days later: 2 % fine, 1 % interest.
    const bill = toBill(fatura, {
      today: '2017-10-25',
      fallback: { fineBasisPoints: 0, monthlyInterestBasisPoints: 0 },
      interestFrom,
    });
    assert.equal(bill.multa, '0.57');
    assert.equal(bill.juros, '0.28');
    assert.equal(bill.valor_final, '29.12');
    assert.ok(billSchema.safeParse(bill).success);
  });

  test('amounts always add up, whatever the day and the rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: -30, max: 400 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (cents, daysLate, fine, interest) => {
          const today = new Date(Date.UTC(2025, 0, 15 + daysLate)).toISOString().slice(0, 10);
          const bill = toBill(
            {
              ...fatura,
              data_vencimento: '2025-01-15',
              valor: String(cents / 100),
              forma_cobranca: {
                juros: interest / 100,
                multa: fine / 100,
                tipo_juros: 'percentual_mensal',
                tipo_multa: 'percentual',
              },
            },
            { today, fallback, interestFrom },
          );
          assert.ok(billSchema.safeParse(bill).success, JSON.stringify(bill));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('a paid fatura shows what was paid', () => {
    const paid = toBill(
      { ...fatura, data_pagamento: '2018-06-26', valor: '199.9', valor_pago: '240.41' },
      { today: '2025-01-01', fallback, interestFrom },
    );
    assert.equal(paid.status, 'paid');
    assert.equal(paid.juros, '40.51');
    assert.equal(paid.valor_final, '240.41');
    const less = toBill(
      { ...fatura, data_pagamento: '2020-04-05', valor: '119.9', valor_pago: '109.9' },
      { today: '2025-01-01', fallback, interestFrom },
    );
    assert.equal(less.desconto, '10.00');
    assert.ok(billSchema.safeParse(less).success);
  });

  test('late-fee rules: daily interest is 30 times the monthly; unknown kinds fall back', () => {
    assert.deepEqual(
      lateFeeRule(
        { juros: 0.033, multa: 2, tipo_juros: 'percentual_diario', tipo_multa: 'percentual' },
        fallback,
      ),
      {
        fineBasisPoints: 200,
        monthlyInterestBasisPoints: 99,
      },
    );
    assert.deepEqual(
      lateFeeRule(
        { juros: 5, multa: 10, tipo_juros: 'valor', tipo_multa: 'valor' },
        { fineBasisPoints: 7, monthlyInterestBasisPoints: 9 },
      ),
      {
        fineBasisPoints: 7,
        monthlyInterestBasisPoints: 9,
      },
    );
    assert.deepEqual(lateFeeRule(null, fallback), fallback);
  });

  test('boleto ids round-trip', () => {
    assert.deepEqual(parseBillRef(billRef(fatura)), {
      billId: '24979',
      scope: { busca: 'id_cliente_servico', termo: '12066' },
    });
    assert.deepEqual(parseBillRef(billRef({ ...fatura, id_cliente_servico: null })), {
      billId: '24979',
      scope: { busca: 'id_cliente', termo: '11533' },
    });
    assert.deepEqual(parseBillRef('24979'), { billId: '24979', scope: null });
    assert.equal(parseBillRef('24979-x1'), null);
    assert.equal(parseBillRef('../etc'), null);
  });
});

describe('settlement', () => {
  const tx = {
    id: 't1',
    method: 'credit_card' as const,
    amount: 8990,
    paid_at: '2022-11-23T10:00:00-03:00',
    fee: 210,
  };

  test('liquidar body: prefix per method, the excess as juros, fee as tarifa', () => {
    assert.deepEqual(settlementBody({ ...tx, amount: 9200 }, '93723', 8990, 123, methods, '2022-11-23'), {
      id_fatura: 93723,
      id_caixa_financeiro: 123,
      data_pagamento: '2022-11-23',
      valor_pago: 92,
      meio_pagamento: 'cartao_credito',
      juros: 2.1,
      tarifa: 2.1,
    });
    const { juros, tarifa } = settlementBody({ ...tx, fee: undefined }, '1', 8990, 1, methods, '2022-11-23');
    assert.equal(juros, undefined);
    assert.equal(tarifa, undefined);
  });

  test("outcomes: settled with the recibo id, Hubsoft's 'já encontra-se quitada' is already_settled", () => {
    assert.deepEqual(
      settlementOutcome(true, 'Liquidação efetuada com sucesso', { recibo: { id_recibo: 2514 } }, 'raw'),
      {
        success: true,
        status: 'settled',
        api_response: 'raw',
        settlement_id: '2514',
      },
    );
    const paid = 'A fatura de ID 93723 já encontra-se quitada com data de pagamento em 23/11/2022';
    assert.equal(settlementOutcome(false, paid, {}, 'raw').status, 'already_settled');
    assert.equal(
      settlementOutcome(false, 'O caixa financeiro não foi encontrado.', {}, 'raw').status,
      'rejected',
    );
  });
});

describe('customer, plans, invoices', () => {
  const cliente = {
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

  test('customer: address from the first service, bare CEP, no birth date', () => {
    const c = toCustomer(cliente);
    assert.ok(customerSchema.safeParse(c).success);
    assert.equal(c.rua_endereco, 'RUA DONA MARIA DAS DORES');
    assert.equal(c.cep_endereco, '35501048');
    assert.equal(c.aniversario, '');
    assert.equal(c.ativo, true);
  });

  test('contacts are deduplicated and normalised', () => {
    assert.deepEqual(toContacts(cliente), [
      { type: 'email', value: 'guilherme@silva.com.br' },
      { type: 'phone', value: '37988242968' },
    ]);
  });

  test('plans: status_prefixo decides the state', () => {
    const plan = toPlan(cliente.servicos[0]!);
    assert.ok(planSchema.safeParse(plan).success);
    assert.equal(plan.value, '119.90');
    assert.equal(plan.installation_address, 'RUA MINAS GERAIS, 1793 - IPIRANGA, DIVINÓPOLIS/MG');
    assert.deepEqual(planState('suspenso_debito'), {
      status: 'blocked',
      blocked: true,
      block_reason: 'financial',
    });
    assert.equal(planState('suspenso_pedido_cliente').status, 'suspended');
    assert.equal(planState('agendado_para_instalacao').status, 'pending');
    assert.equal(planState('cancelado').status, 'cancelled');
  });

  test('the unlock date is read from the message', () => {
    assert.equal(
      unlockedUntil('Desbloqueio em confiança realizado com sucesso até a data 26/11/2018'),
      '2018-11-26',
    );
    assert.equal(unlockedUntil('Erro'), '');
  });

  test('notas 21/22 and NFS-e; NF-e 55 and pending NFS-e left out', () => {
    const notes = invoicesOf({
      notas_fiscais: [
        {
          id_nota_fiscal: 3064,
          numero_nota: 427,
          serie_nota: 'U',
          valor: '5',
          data_emissao_br: '25/02/2022',
          cancelado: false,
          tipo_documento_fiscal: { codigo: '21' },
          link: 'http://h/nf.pdf',
        },
      ],
      nfes: [{ id_nfe: 351, modelo: '55' }],
      nfses: [
        {
          id_nfse: 106,
          numero: '14890',
          serie: 'LAL',
          valor: '25',
          data_cadastro: '2021-08-26 10:22:51',
          link_pdf: '',
          status: 'autorizado',
        },
        {
          id_nfse: 107,
          numero: '14891',
          serie: 'LAL',
          valor: '25',
          data_cadastro: '2021-08-26 10:22:51',
          status: 'pendente',
        },
      ],
    });
    assert.deepEqual(
      notes.map((n) => [n.invoice.id_nota, n.invoice.modelo, n.invoice.valor, n.pdfUrl]),
      [
        ['nf-3064', '21', '5.00', 'http://h/nf.pdf'],
        ['nfse-106', 'NFS-e', '25.00', ''],
      ],
    );
  });

  test('invoice windows never exceed 60 days and cover the period', () => {
    const windows = invoiceWindows('2026-06-30', 180);
    assert.deepEqual(windows[0], { data_inicio: '2026-05-01', data_fim: '2026-06-30' });
    assert.equal(windows.at(-1)!.data_inicio, '2026-01-01');
    for (const w of windows) assert.ok(Date.parse(w.data_fim) - Date.parse(w.data_inicio) <= 60 * 86_400_000);
  });
});

test('a lead without an address gets the placeholders Hubsoft requires', () => {
  const body = prospectFromLead(
    { id: 'lead-1', name: 'João Pereira', phone: '19991234567', reseller_code: '7811' },
    { id: 1302, valorCents: 12990 },
    { lead_crm_id: 201, sales_zip_code: undefined },
  );
  assert.equal(body.endereco, 'NÃO INFORMADO');
  assert.equal(body.numero, 'S/N');
  assert.equal(body.id_vendedor, 7811);
  assert.equal(body.id_crm, 201);
  assert.equal(body.id_externo, 'lead-1');
  assert.deepEqual(body.servico, { id_servico: 1302, valor: 129.9 });
  assert.throws(
    () => prospectFromLead({ id: 'l', name: 'x', phone: '19991234567', reseller_code: 'abc' }, null, {}),
    /lead\.reseller_code/,
  );
});
