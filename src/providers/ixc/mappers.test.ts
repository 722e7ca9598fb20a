import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { errorMessage, normaliseRows, plainText } from './client.js';
import {
  billStatus,
  customerContacts,
  documentForms,
  internalNotes,
  pickCustomer,
  pixCodeOf,
  pixFeeRule,
  toBill,
  toCustomer,
  toInvoice,
  toPlan,
  trustUnlockVerdict,
  dateInMessage,
} from './mappers.js';
import type { BillContext } from './mappers.js';

const ctx: BillContext = {
  today: '2026-06-15',
  document: '31845720300',
  customerName: 'Maria',
  consumer: true,
  rule: { fineBasisPoints: 200, monthlyInterestBasisPoints: 99 },
  interestFrom: 'due_date',
  pixCode: '000201...',
};

const bill = (over: Record<string, string> = {}) => ({
  id: '145535',
  status: 'A',
  liberado: 'S',
  data_emissao: '2026-05-20',
  data_vencimento: '2026-06-10',
  valor: '99.90',
  valor_aberto: '99.90',
  obs: 'de 08/05/2026 at&eacute; 07/06/2026<br />',
  documento: '72006',
  nn_boleto: '',
  linha_digitavel: '',
  gateway_link: 'https://pay.example/x',
  ...over,
});

describe('IXC mappers', () => {
  test('documents are searched masked first, then as digits', () => {
    assert.deepEqual(documentForms('31845720300'), ['318.457.203-00', '31845720300']);
    assert.deepEqual(documentForms('27184639000188'), ['27.184.639/0001-88', '27184639000188']);
  });

  test('of duplicated customers the active one with the lowest id wins', () => {
    const rows = [
      { id: '9', ativo: 'S' },
      { id: '3', ativo: 'N' },
      { id: '5', ativo: 'S' },
    ];
    assert.equal(pickCustomer(rows)?.id, '5');
    assert.equal(pickCustomer([]), undefined);
  });

  test('an overdue open bill: fine and pro rata interest on valor_aberto, the invariant holds', () => {
    // Due Wednesday 2026-06-10, paid 5 days later: 2 % fine, 0.99 % a month for 5 days.
    const b = toBill(bill(), ctx);
    assert.deepEqual([b.valor_inicial, b.multa, b.juros, b.valor_final], ['99.90', '2.00', '0.16', '102.06']);
    assert.equal(b.status, 'open');
    assert.equal(b.link_boleto, 'https://pay.example/x');
    assert.equal(b.code_fatura, '72006');
    assert.equal(b.pix_code, '000201...');
    assert.match(b.historico, /^de 08\/05\/2026/);
  });

  test('paid, cancelled and not yet due bills carry no fees; a partial payment leaves valor_aberto', () => {
    const paid = toBill(bill({ status: 'R', valor_aberto: '0.00' }), ctx);
    assert.deepEqual(
      [paid.status, paid.valor_final, paid.juros, paid.pix_code],
      ['paid', '99.90', '0.00', ''],
    );
    assert.equal(toBill(bill({ status: 'C' }), ctx).status, 'cancelled');
    const future = toBill(bill({ data_vencimento: '2026-07-10' }), ctx);
    assert.equal(future.valor_final, '99.90');
    assert.equal(
      toBill(bill({ status: 'P', valor_aberto: '40.00', data_vencimento: '2026-07-10' }), ctx).valor_final,
      '40.00',
    );
    assert.deepEqual(
      ['A', 'P', 'R', 'C'].map((status) => billStatus({ status })),
      ['open', 'open', 'paid', 'cancelled'],
    );
  });

  test('amounts always add up, whatever the bill', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: -400, max: 400 }),
        (c, offset) => {
          const due = new Date(Date.UTC(2026, 5, 15) + offset * 86_400_000).toISOString().slice(0, 10);
          const b = toBill(bill({ valor_aberto: (c / 100).toFixed(2), data_vencimento: due }), ctx);
          const n = (s: string) => Math.round(Number(s) * 100);
          assert.equal(n(b.valor_final), n(b.valor_inicial) + n(b.juros) + n(b.multa) - n(b.desconto ?? '0'));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('get_pix: the fee rule by Bacen modality and the code from either field', () => {
    const pix = (juros: object, multa: object, dados: object = {}, qr: object = {}) => ({
      pix: { dadosPix: { valor: { juros, multa }, ...dados }, qrCode: qr },
    });
    assert.deepEqual(
      pixFeeRule(pix({ valorPerc: '0.033', modalidade: 2 }, { valorPerc: '2.00', modalidade: 2 })),
      {
        fineBasisPoints: 200,
        monthlyInterestBasisPoints: 99,
      },
    );
    assert.deepEqual(pixFeeRule(pix({ valorPerc: '1,00', modalidade: 3 }, { valorPerc: 2, modalidade: 2 })), {
      fineBasisPoints: 200,
      monthlyInterestBasisPoints: 100,
    });
    assert.equal(
      pixFeeRule(pix({ valorPerc: '5.00', modalidade: 1 }, { valorPerc: '2.00', modalidade: 2 })),
      null,
    );
    assert.equal(pixFeeRule({ type: 'success' }), null);
    assert.equal(pixCodeOf(pix({}, {}, { pixCopiaECola: '' }, { qrcode: ' 0002abc ' })), '0002abc');
    assert.equal(pixCodeOf(pix({}, {}, { pixCopiaECola: '0002xyz' }, { qrcode: '' })), '0002xyz');
  });

  test('customer: city from the lookup, phones normalised, empty dates as ""', () => {
    const c = toCustomer(
      {
        id: '2',
        razao: 'Maria',
        ativo: 'S',
        data_nascimento: '0000-00-00',
        data_cadastro: '2020-01-02',
        cep: '13015-100',
        telefone_celular: '',
        whatsapp: '(19) 98765-4321',
        email: 'Maria@Example.com; outra@example.com',
      },
      { name: 'Campinas', uf: 'SP' },
    );
    assert.deepEqual(
      [
        c.aniversario,
        c.data_registro,
        c.cep_endereco,
        c.telefone,
        c.email,
        c.cidade_endereco,
        c.estado_endereco,
      ],
      ['', '2020-01-02', '13015100', '19987654321', 'maria@example.com', 'Campinas', 'SP'],
    );
  });

  test('contacts are deduplicated across fields; notes are plain text without obs', () => {
    const contacts = customerContacts({
      email: 'a@x.com',
      hotsite_email: 'A@x.com',
      telefone_celular: '(19) 98765-4321',
      whatsapp: '19987654321',
      fone: 'não tem',
    });
    assert.deepEqual(contacts, [
      { type: 'email', value: 'a@x.com' },
      { type: 'phone', value: '19987654321' },
    ]);
    assert.deepEqual(
      internalNotes({ alerta: 'Ligar antes<br />Documentação &amp; contrato', obs: 'histórico' }, [
        { status: 'A', alerta_contrato: 'Roteador com defeito' },
        { status: 'I', alerta_contrato: 'contrato antigo' },
      ]),
      ['Ligar antes\nDocumentação & contrato', 'Roteador com defeito'],
    );
  });

  test('plans: access status decides blocked and its reason', () => {
    const plan = (over: Record<string, string>) =>
      toPlan(
        { id: '7', id_vd_contrato: '2', status: 'A', status_internet: 'A', ...over },
        { nome: 'Fibra', valor_contrato: '99.90' },
        'Rua X',
      );
    assert.deepEqual(
      [
        plan({}).status,
        plan({ status_internet: 'CA' }).block_reason,
        plan({ status_internet: 'FA' }).block_reason,
        plan({ status_internet: 'CM' }).block_reason,
      ],
      ['active', 'financial', 'financial', 'manual'],
    );
    assert.equal(plan({ status_internet: 'CA' }).trust_unlock_available, null);
    assert.equal(plan({ status_internet: 'CA', desbloqueio_confianca: 'N' }).trust_unlock_available, false);
    assert.equal(plan({ status_internet: 'CM' }).trust_unlock_available, false);
    assert.deepEqual(
      [
        plan({ status: 'P' }).status,
        plan({ status: 'I' }).status,
        plan({ status: 'D' }).status,
        plan({ contrato_suspenso: 'S' }).status,
        plan({ status_internet: 'AA' }).status,
      ],
      ['pending', 'inactive', 'cancelled', 'suspended', 'pending'],
    );
    assert.equal(plan({}).value, '99.90');
  });

  test('invoices: telecom models only, cancelled status, 44-digit keys', () => {
    const sale = {
      id: '5',
      numero_nf: '1001',
      serie: '1',
      modelo_nf: '62',
      status: 'F',
      data_emissao: '2026-05-01',
      valor_total: '99.90',
      nfe_chave: '3'.repeat(44),
    };
    assert.equal(toInvoice(sale)?.chave_acesso.length, 44);
    assert.equal(toInvoice({ ...sale, status: 'C' })?.status, 'cancelled');
    assert.equal(toInvoice({ ...sale, modelo_nf: '55' }), null);
    assert.equal(toInvoice({ ...sale, numero_nf: '' }), null);
  });

  test('desbloqueio_confianca: both releases, codes and words', () => {
    assert.equal(
      trustUnlockVerdict({ tipo: 'sucesso', mensagem: 'ok com sucesso', codigo: '100' }).verdict,
      'unlocked',
    );
    assert.equal(
      trustUnlockVerdict([{ type: 'success', message: 'Contrato desbloqueado com sucesso.' }]).verdict,
      'unlocked',
    );
    assert.equal(
      trustUnlockVerdict({ tipo: 'erro', mensagem: 'Contrato inexistente!', codigo: '106' }).verdict,
      'not_found',
    );
    assert.equal(
      trustUnlockVerdict({ tipo: 'erro', mensagem: 'Contrato já encontra-se ativo!', codigo: '107' }).verdict,
      'refused',
    );
    assert.equal(
      trustUnlockVerdict([{ type: 'error', message: 'desabilitado para este contrato' }]).verdict,
      'refused',
    );
    assert.equal(trustUnlockVerdict('<p>Desbloqueio efetuado com sucesso</p>').verdict, 'unlocked');
    assert.equal(dateInMessage('Liberado até 18/06/2026.'), '2026-06-18');
    assert.equal(dateInMessage('sem data'), '');
  });

  test('client helpers: registros in every shape, errors in both languages, HTML to text', () => {
    assert.deepEqual(normaliseRows({ '1': { id: 2 }, '0': { id: '1', x: null } }), [
      { id: '1', x: '' },
      { id: '2' },
    ]);
    assert.deepEqual(normaliseRows(undefined), []);
    assert.equal(normaliseRows('x'), null);
    assert.equal(errorMessage({ type: 'error', message: 'Falhou<br/>agora' }), 'Falhou\nagora');
    assert.equal(errorMessage([{ tipo: 'erro', mensagem: 'não' }]), 'não');
    assert.equal(errorMessage({ type: 'success' }), null);
    assert.equal(
      plainText('<div class="x">Ocorreu um erro&nbsp;ao processar.</div>'),
      'Ocorreu um erro ao processar.',
    );
  });
});
