import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isValidBoletoLine, lineToBarcode } from '../../../brasil/boleto.js';
import { parsePix } from '../../../brasil/pix.js';
import { billSchema, customerSchema, invoiceSchema, planSchema } from '../../../contract/index.js';
import { billingProfile, SlipMemo } from '../billing.js';
import { amountDue, toBill } from './bills.js';
import { customerContacts, toCustomer } from './customers.js';
import { effectiveStatus, nextUnlockDay, toPlan } from './plans.js';
import { toInvoice } from './invoices.js';
import type { BillContext, LateFeeRule } from './bills.js';
import type { BillRow, CustomerRow, PlanRow } from '../rows.js';
import { defaultSandboxSettings, sandboxSettingsSchema } from '../settings.js';

const RULE: LateFeeRule = { fineBasisPoints: 200, monthlyInterestBasisPoints: 100, interestFrom: 'due_date' };
const billing = billingProfile(defaultSandboxSettings);
const ctx = (today: string): BillContext => ({ today, rule: RULE, codes: new SlipMemo(billing) });
const PERSON = { document: '39053344705', name: 'Helena Duarte', person_type: 'F' as const };

// 2026-03-10 is a Tuesday; 2026-03-14 a Saturday.
function bill(overrides: Partial<BillRow> = {}): BillRow {
  return {
    id: 4321,
    customer_id: 1,
    contract_id: 2,
    status: 'open',
    issued_on: '2026-02-23',
    due_on: '2026-03-10',
    amount_cents: 10_000,
    discount_cents: 0,
    description: 'Fibra 300 Mega - ref. 02/2026',
    paid_on: null,
    paid_cents: null,
    ...overrides,
  };
}

describe('amountDue', () => {
  test('on or before the due date: the amount less the punctuality discount', () => {
    const b = bill({ discount_cents: 1000 });
    for (const day of ['2026-03-01', '2026-03-10']) {
      assert.deepEqual(amountDue(b, day, RULE, true), {
        daysLate: 0,
        fineCents: 0,
        interestCents: 0,
        discountCents: 1000,
        totalCents: 9000,
      });
    }
  });

  test('late: the discount is lost, fine once and interest pro rata die (R$100, 5 days -> 102.17)', () => {
    assert.deepEqual(amountDue(bill({ discount_cents: 1000 }), '2026-03-15', RULE, true), {
      daysLate: 5,
      fineCents: 200,
      interestCents: 17,
      discountCents: 0,
      totalCents: 10_217,
    });
  });

  test('a due date on a Saturday may be paid on Monday without charges; later, interest per the tenant', () => {
    const b = bill({ due_on: '2026-03-14' });
    const fromBusinessDay = { ...RULE, interestFrom: 'next_business_day' as const };
    assert.equal(amountDue(b, '2026-03-16', RULE, true).totalCents, 10_000);
    assert.equal(amountDue(b, '2026-03-16', fromBusinessDay, true).totalCents, 10_000);
    assert.equal(amountDue(b, '2026-03-17', RULE, true).daysLate, 3, 'from the day after the due date');
    assert.equal(amountDue(b, '2026-03-17', fromBusinessDay, true).daysLate, 1);
  });

  test('the 2 % cap on the fine protects consumers (CPF) only', () => {
    const steep = { ...RULE, fineBasisPoints: 1000, monthlyInterestBasisPoints: 0 };
    assert.equal(amountDue(bill(), '2026-03-11', steep, true).fineCents, 200);
    assert.equal(amountDue(bill(), '2026-03-11', steep, false).fineCents, 1000);
  });

  test('the tenant rule applies (0 bp: no charges at all)', () => {
    const free = { ...RULE, fineBasisPoints: 0, monthlyInterestBasisPoints: 0 };
    assert.equal(amountDue(bill(), '2026-05-01', free, true).totalCents, 10_000);
  });

  test('property: total = amount + fine + interest - discount, never below the amount when late', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: -40, max: 400 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (amount, discountShare, offset, fine, interest, consumer) => {
          const discount = Math.floor((amount * discountShare) / 1000);
          const b = bill({ amount_cents: amount, discount_cents: discount });
          const day = new Date(Date.UTC(2026, 2, 10 + offset)).toISOString().slice(0, 10);
          const due = amountDue(
            b,
            day,
            { ...RULE, fineBasisPoints: fine, monthlyInterestBasisPoints: interest },
            consumer,
          );
          assert.equal(due.totalCents, amount + due.fineCents + due.interestCents - due.discountCents);
          if (due.daysLate > 0) assert.ok(due.totalCents >= amount && due.discountCents === 0);
          else assert.equal(due.discountCents, discount);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('toBill', () => {
  test('an overdue open bill: charges of the day, a valid line, a Pix code for exactly valor_final', () => {
    const out = billSchema.parse(toBill(bill(), PERSON, ctx('2026-03-15')));
    assert.equal(out.valor_inicial, '100.00');
    assert.equal(out.multa, '2.00');
    assert.equal(out.juros, '0.17');
    assert.equal(out.desconto, '0.00');
    assert.equal(out.valor_final, '102.17');
    assert.equal(out.status, 'open');
    assert.equal(out.fatura, '4321');
    assert.equal(out.remote_id, '4321');
    assert.equal(out.document_number, PERSON.document);
    assert.equal(out.nome_cliente, PERSON.name);
    assert.equal(out.vencimento, '2026-03-10');
    assert.equal(out.emissao, '2026-02-23');
    assert.equal(out.link_boleto, '');
    assert.ok(isValidBoletoLine(out.linha_digitavel));
    const barcode = lineToBarcode(out.linha_digitavel);
    assert.equal(barcode.slice(0, 3), '341');
    assert.equal(barcode.slice(9, 19), '0000010000', 'the boleto carries the original amount');
    const pix = parsePix(out.pix_code);
    assert.ok(pix.ok);
    assert.equal(pix.fields.amountCents, 10_217);
    assert.equal(pix.fields.txid, 'SBXFAT0000004321');
    assert.equal(pix.fields.key, billing.pixKey);
    assert.match(out.code_fatura, /^109\/00004321-\d$/);
  });

  test('a paid bill shows what was due on its payment day, and no Pix code', () => {
    const out = billSchema.parse(
      toBill(bill({ status: 'paid', paid_on: '2026-03-12', paid_cents: 10_207 }), PERSON, ctx('2026-04-01')),
    );
    assert.equal(out.status, 'paid');
    assert.equal(out.valor_final, '102.07');
    assert.equal(out.pix_code, '');
    assert.ok(isValidBoletoLine(out.linha_digitavel));
  });

  test('a cancelled bill shows no charges, no line and no Pix code', () => {
    const out = billSchema.parse(toBill(bill({ status: 'cancelled' }), PERSON, ctx('2026-04-01')));
    assert.deepEqual(
      [out.status, out.valor_final, out.juros, out.multa, out.linha_digitavel, out.pix_code],
      ['cancelled', '100.00', '0.00', '0.00', '', ''],
    );
  });

  test('the bank code of the settings is the bank of the line', () => {
    const bradesco = billingProfile(sandboxSettingsSchema.parse({ bank_code: '237' }));
    const out = toBill(bill(), PERSON, { today: '2026-03-01', rule: RULE, codes: new SlipMemo(bradesco) });
    assert.equal(out.linha_digitavel.slice(0, 3), '237');
    assert.ok(isValidBoletoLine(out.linha_digitavel));
  });
});

function plan(overrides: Partial<PlanRow> = {}): PlanRow {
  return {
    id: 77,
    customer_id: 1,
    product_code: '12',
    plan_name: 'Fibra 300 Mega',
    status: 'blocked',
    block_reason: 'financial',
    value_cents: 9990,
    due_day: 10,
    started_on: '2025-01-01',
    installation_address: 'Rua A, 1 - Centro, Campinas/SP, CEP 13010-111',
    last_unlock_on: null,
    unlocked_until: null,
    ...overrides,
  };
}

describe('plans', () => {
  test('a financial block never released: blocked, trust unlock available', () => {
    const out = planSchema.parse(toPlan(plan(), '2026-03-10', 30));
    assert.deepEqual(
      [out.status, out.blocked, out.block_reason, out.trust_unlock_available],
      ['blocked', true, 'financial', true],
    );
    assert.equal(out.value, '99.90');
    assert.equal(out.contract_id, '77');
  });

  test('released on trust: active until unlocked_until, blocked again after it', () => {
    const released = plan({ last_unlock_on: '2026-03-01', unlocked_until: '2026-03-04' });
    assert.equal(effectiveStatus(released, '2026-03-04'), 'active');
    const during = planSchema.parse(toPlan(released, '2026-03-02', 30));
    assert.deepEqual([during.status, during.blocked, during.block_reason], ['active', false, '']);
    const after = toPlan(released, '2026-03-05', 30);
    assert.deepEqual([after.status, after.trust_unlock_available], ['blocked', false]);
    assert.equal(toPlan(released, '2026-03-31', 30).trust_unlock_available, true);
    assert.equal(nextUnlockDay(released, 30), '2026-03-31');
  });

  test('a manual block is not trust-unlockable; other statuses are not blocked', () => {
    assert.equal(toPlan(plan({ block_reason: 'manual' }), '2026-03-10', 30).trust_unlock_available, false);
    for (const status of ['active', 'suspended', 'pending', 'cancelled', 'inactive'] as const) {
      const out = planSchema.parse(toPlan(plan({ status, block_reason: '' }), '2026-03-10', 30));
      assert.deepEqual([out.status, out.blocked, out.trust_unlock_available], [status, false, false]);
    }
  });
});

describe('toInvoice', () => {
  test('NFCom model 62 with a 44-digit access key whose mod-11 digit holds', () => {
    const out = invoiceSchema.parse(toInvoice(bill({ id: 987 }), new SlipMemo(billing)));
    assert.deepEqual(
      [out.id_nota, out.numero, out.serie, out.modelo, out.status],
      ['987', '987', '1', '62', 'authorized'],
    );
    const key = out.chave_acesso;
    assert.match(key, /^\d{44}$/);
    assert.equal(key.slice(0, 2), '35', 'SP');
    assert.equal(key.slice(2, 6), '2602', 'AAMM of the issue date');
    assert.equal(key.slice(6, 20), billing.beneficiaryDocument);
    assert.equal(key.slice(20, 22), '62');
    assert.equal(key.slice(25, 34), '000000987');
    // Weights 2..9 from the right over the first 43 digits; remainders 0 and 1 give 0.
    let sum = 0;
    for (let i = 42, w = 2; i >= 0; i--, w = w === 9 ? 2 : w + 1) sum += Number(key[i]) * w;
    const r = sum % 11;
    assert.equal(Number(key[43]), r < 2 ? 0 : 11 - r);
  });

  test('a cancelled bill has a cancelled invoice', () => {
    assert.equal(toInvoice(bill({ status: 'cancelled' }), new SlipMemo(billing)).status, 'cancelled');
  });
});

describe('customers', () => {
  const row: CustomerRow = {
    id: 1234,
    document: '39053344705',
    person_type: 'F',
    name: 'Helena Duarte',
    trade_name: '',
    birth_date: '1990-05-04',
    registered_on: '2024-01-02',
    active: 1,
    email: 'helena@example.com',
    phone: '11991234501',
    phone_secondary: '',
    zip_code: '04101001',
    street: 'Rua das Flores',
    number: '120',
    complement: 'Apto 3',
    neighborhood: 'Vila Nova',
    city: 'São Paulo',
    state: 'SP',
    ibge_code: '3550308',
    reference: '',
    reseller_code: '',
    origin_code: '1',
    updated_at: '2026-01-01T08:00:00-03:00',
  };

  test('toCustomer maps every field', () => {
    assert.deepEqual(customerSchema.parse(toCustomer(row)), {
      nome_completo: 'Helena Duarte',
      aniversario: '1990-05-04',
      data_registro: '2024-01-02',
      ativo: true,
      id_remoto: '1234',
      rua_endereco: 'Rua das Flores',
      numero_endereco: '120',
      cep_endereco: '04101001',
      cidade_endereco: 'São Paulo',
      complemento_endereco: 'Apto 3',
      bairro_endereco: 'Vila Nova',
      estado_endereco: 'SP',
      email: 'helena@example.com',
      telefone: '11991234501',
    });
  });

  test('contacts: each e-mail and phone once, normalised, unusable values dropped', () => {
    const contacts = customerContacts({ email: 'Ana@Mail.com', phone: '11987654321', phone_secondary: '' }, [
      { type: 'email', value: ' ana@mail.COM ' },
      { type: 'phone', value: '(11) 98765-4321' },
      { type: 'phone', value: '+55 11 98765-4321' },
      { type: 'phone', value: '011 3322-4455' },
      { type: 'phone', value: '123' },
      { type: 'email', value: 'not an e-mail' },
      { type: 'email', value: 'ana.trabalho@empresa.com.br' },
    ]);
    assert.deepEqual(contacts, [
      { type: 'email', value: 'ana@mail.com' },
      { type: 'phone', value: '11987654321' },
      { type: 'phone', value: '1133224455' },
      { type: 'email', value: 'ana.trabalho@empresa.com.br' },
    ]);
  });
});
