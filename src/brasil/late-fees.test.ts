import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeLateFees } from './late-fees.js';
import { addDays, fromDayNumber } from './dates.js';

// 2026-03-10 is an ordinary Tuesday, so the effective due date is the due date itself.
const DUE = '2026-03-10';

describe('computeLateFees: worked examples', () => {
  test('R$100.00, 5 days: 2.00 + 0.17 = 102.17, or 102.16 truncated', () => {
    const paymentDate = addDays(DUE, 5);
    assert.deepEqual(computeLateFees({ amountCents: 10_000, dueDate: DUE, paymentDate }), {
      effectiveDueDate: DUE,
      daysLate: 5,
      fineCents: 200,
      interestCents: 17,
      totalCents: 10_217,
    });
    const truncated = computeLateFees({
      amountCents: 10_000,
      dueDate: DUE,
      paymentDate,
      rounding: 'truncate',
    });
    assert.equal(truncated.interestCents, 16);
    assert.equal(truncated.totalCents, 10_216);
  });

  test('R$3,000.00, 10 days: 60.00 + 10.00 = 3,070.00', () => {
    const fees = computeLateFees({ amountCents: 300_000, dueDate: DUE, paymentDate: addDays(DUE, 10) });
    assert.deepEqual([fees.fineCents, fees.interestCents, fees.totalCents], [6_000, 1_000, 307_000]);
  });

  test('R$500.00, 10 days: 10.00 + 1.67 = 511.67', () => {
    const fees = computeLateFees({ amountCents: 50_000, dueDate: DUE, paymentDate: addDays(DUE, 10) });
    assert.deepEqual([fees.fineCents, fees.interestCents, fees.totalCents], [1_000, 167, 51_167]);
  });

  test('R$99.90, 17 days: 2.00 (1.998) + 0.57 = 102.47', () => {
    const fees = computeLateFees({ amountCents: 9_990, dueDate: DUE, paymentDate: addDays(DUE, 17) });
    assert.deepEqual(
      [fees.daysLate, fees.fineCents, fees.interestCents, fees.totalCents],
      [17, 200, 57, 10_247],
    );
  });
});

describe('computeLateFees: dates', () => {
  test('paying on or before the due date costs nothing', () => {
    for (const paymentDate of [addDays(DUE, -30), addDays(DUE, -1), DUE]) {
      assert.deepEqual(computeLateFees({ amountCents: 10_000, dueDate: DUE, paymentDate }), {
        effectiveDueDate: DUE,
        daysLate: 0,
        fineCents: 0,
        interestCents: 0,
        totalCents: 10_000,
      });
    }
  });

  test('the first day after the due date is day 1 and already carries the whole fine', () => {
    const fees = computeLateFees({ amountCents: 10_000, dueDate: DUE, paymentDate: addDays(DUE, 1) });
    assert.deepEqual(fees, {
      effectiveDueDate: DUE,
      daysLate: 1,
      fineCents: 200,
      interestCents: 3,
      totalCents: 10_203,
    });
  });

  test('a Saturday due date is payable without charges on Monday; on Tuesday interest counts from Sunday', () => {
    const saturday = '2026-03-14';
    for (const interestFrom of ['due_date', 'next_business_day'] as const) {
      const on = (paymentDate: string) =>
        computeLateFees({ amountCents: 10_000, dueDate: saturday, paymentDate, interestFrom });
      assert.equal(on('2026-03-16').effectiveDueDate, '2026-03-16');
      assert.equal(on('2026-03-16').totalCents, 10_000, `${interestFrom}: Monday is free`);
      assert.equal(on('2026-03-15').totalCents, 10_000, `${interestFrom}: Sunday is free`);
    }
    // The default: the day after vencimento (Sunday) is day 1, so Tuesday is day 3.
    const tuesday = computeLateFees({ amountCents: 10_000, dueDate: saturday, paymentDate: '2026-03-17' });
    assert.equal(tuesday.daysLate, 3);
    assert.equal(tuesday.totalCents, 10_210); // 2.00 fine + 3 × 1/30 % = 0.10
    const fromMonday = computeLateFees({
      amountCents: 10_000,
      dueDate: saturday,
      paymentDate: '2026-03-17',
      interestFrom: 'next_business_day',
    });
    assert.equal(fromMonday.daysLate, 1);
    assert.equal(fromMonday.totalCents, 10_203);
  });

  test('a Good Friday due date moves over the weekend to Monday', () => {
    const fees = computeLateFees({ amountCents: 10_000, dueDate: '2026-04-03', paymentDate: '2026-04-06' });
    assert.equal(fees.effectiveDueDate, '2026-04-06');
    assert.equal(fees.daysLate, 0);
    const late = computeLateFees({ amountCents: 10_000, dueDate: '2026-04-03', paymentDate: '2026-04-11' });
    assert.equal(late.daysLate, 8);
    assert.equal(late.totalCents, 10_227);
    const fromMonday = computeLateFees({
      amountCents: 10_000,
      dueDate: '2026-04-03',
      paymentDate: '2026-04-11',
      interestFrom: 'next_business_day',
    });
    assert.equal(fromMonday.daysLate, 5);
    assert.equal(fromMonday.totalCents, 10_217);
  });

  test('on a business-day due date both rules agree', () => {
    for (const interestFrom of ['due_date', 'next_business_day'] as const) {
      const fees = computeLateFees({
        amountCents: 10_000,
        dueDate: DUE,
        paymentDate: addDays(DUE, 5),
        interestFrom,
      });
      assert.equal(fees.daysLate, 5);
      assert.equal(fees.totalCents, 10_217);
    }
  });

  test('an unknown interestFrom is a RangeError', () => {
    assert.throws(
      () =>
        computeLateFees({
          amountCents: 1,
          dueDate: DUE,
          paymentDate: DUE,
          interestFrom: 'whenever' as 'due_date',
        }),
      RangeError,
    );
  });

  test('a due date on Carnival Monday moves to Ash Wednesday', () => {
    const fees = computeLateFees({ amountCents: 10_000, dueDate: '2026-02-16', paymentDate: '2026-02-18' });
    assert.equal(fees.effectiveDueDate, '2026-02-18');
    assert.equal(fees.totalCents, 10_000);
  });
});

describe('computeLateFees: rates and rounding', () => {
  test('a consumer fine is capped at 2 %, a business one is not', () => {
    const base = { amountCents: 10_000, dueDate: DUE, paymentDate: addDays(DUE, 1), fineBasisPoints: 1_000 };
    assert.equal(computeLateFees(base).fineCents, 200);
    assert.equal(computeLateFees({ ...base, consumer: true }).fineCents, 200);
    assert.equal(computeLateFees({ ...base, consumer: false }).fineCents, 1_000);
    assert.equal(computeLateFees({ ...base, fineBasisPoints: 150 }).fineCents, 150);
  });

  test('custom rates, including zero', () => {
    const base = { amountCents: 10_000, dueDate: DUE, paymentDate: addDays(DUE, 30) };
    const fees = computeLateFees({ ...base, fineBasisPoints: 0, monthlyInterestBasisPoints: 330 });
    assert.deepEqual([fees.fineCents, fees.interestCents], [0, 330]);
    assert.equal(computeLateFees({ ...base, monthlyInterestBasisPoints: 0 }).interestCents, 0);
  });

  test('exactly half a cent goes up with half-up and away with truncate', () => {
    const fine = {
      amountCents: 25,
      dueDate: DUE,
      paymentDate: addDays(DUE, 1),
      monthlyInterestBasisPoints: 0,
    };
    assert.equal(computeLateFees(fine).fineCents, 1); // 0.5 cent
    assert.equal(computeLateFees({ ...fine, rounding: 'truncate' }).fineCents, 0);
    const interest = { amountCents: 1_500, dueDate: DUE, paymentDate: addDays(DUE, 1), fineBasisPoints: 0 };
    assert.equal(computeLateFees(interest).interestCents, 1); // 1500 × 1 % / 30 = 0.5 cent
    assert.equal(computeLateFees({ ...interest, rounding: 'truncate' }).interestCents, 0);
    const below = { ...interest, amountCents: 1_499 };
    assert.equal(computeLateFees(below).interestCents, 0);
  });

  test('rounds each component on its own, not the sum', () => {
    // fine 0.4 cent and interest 0.4 cent would make 0.8 → 1 if summed first
    const fees = computeLateFees({
      amountCents: 20,
      dueDate: DUE,
      paymentDate: addDays(DUE, 12),
      monthlyInterestBasisPoints: 500,
    });
    assert.deepEqual([fees.fineCents, fees.interestCents, fees.totalCents], [0, 0, 20]);
  });

  test('large amounts stay exact', () => {
    const fees = computeLateFees({
      amountCents: 99_999_999_999,
      dueDate: DUE,
      paymentDate: addDays(DUE, 3_650),
    });
    assert.equal(fees.fineCents, 2_000_000_000); // 1,999,999,999.98
    assert.equal(fees.interestCents, 121_666_666_665); // 36,499,999,999,635,000 / 300,000 = …665.45
    assert.equal(fees.totalCents, 99_999_999_999 + 2_000_000_000 + 121_666_666_665);
  });
});

describe('computeLateFees: validation', () => {
  const ok = { amountCents: 10_000, dueDate: DUE, paymentDate: DUE };

  test('rejects bad amounts, rates, dates and rounding with RangeError', () => {
    for (const bad of [
      { ...ok, amountCents: -1 },
      { ...ok, amountCents: 10.5 },
      { ...ok, amountCents: Number.NaN },
      { ...ok, amountCents: 2 ** 60 },
      { ...ok, fineBasisPoints: -1 },
      { ...ok, fineBasisPoints: 2.5 },
      { ...ok, monthlyInterestBasisPoints: -100 },
      { ...ok, dueDate: '2026-02-29' },
      { ...ok, paymentDate: '10/03/2026' },
      { ...ok, rounding: 'half-even' as 'half-up' },
    ]) {
      assert.throws(() => computeLateFees(bad), RangeError, JSON.stringify(bad));
    }
  });

  test('a zero amount is allowed and stays zero', () => {
    assert.equal(computeLateFees({ ...ok, amountCents: 0, paymentDate: addDays(DUE, 40) }).totalCents, 0);
  });
});

describe('computeLateFees: properties', () => {
  const inputs = fc.record({
    amountCents: fc.integer({ min: 0, max: 100_000_000 }),
    due: fc.integer({ min: 19_000, max: 22_000 }),
    paidAfter: fc.integer({ min: -40, max: 400 }),
    fineBasisPoints: fc.integer({ min: 0, max: 2_000 }),
    monthlyInterestBasisPoints: fc.integer({ min: 0, max: 1_000 }),
    consumer: fc.boolean(),
    rounding: fc.constantFrom('half-up' as const, 'truncate' as const),
  });

  test('total = amount + fine + interest, and each component is the exact value rounded as documented', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        const dueDate = fromDayNumber(i.due);
        const fees = computeLateFees({ ...i, dueDate, paymentDate: fromDayNumber(i.due + i.paidAfter) });
        assert.equal(fees.totalCents, i.amountCents + fees.fineCents + fees.interestCents);
        if (fees.daysLate === 0) {
          assert.equal(fees.totalCents, i.amountCents);
          return;
        }
        const bp = i.consumer ? Math.min(i.fineBasisPoints, 200) : i.fineBasisPoints;
        const checks: [number, bigint, bigint][] = [
          [fees.fineCents, BigInt(i.amountCents * bp), 10_000n],
          [
            fees.interestCents,
            BigInt(i.amountCents) * BigInt(i.monthlyInterestBasisPoints * fees.daysLate),
            300_000n,
          ],
        ];
        for (const [cents, num, den] of checks) {
          const r = BigInt(cents);
          if (i.rounding === 'truncate') assert.ok(r * den <= num && num < (r + 1n) * den);
          else assert.ok(2n * r * den - den <= 2n * num && 2n * num < 2n * r * den + den);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('never decreases as the payment date moves later', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 1, max: 60 }), (i, extra) => {
        const dueDate = fromDayNumber(i.due);
        const earlier = computeLateFees({ ...i, dueDate, paymentDate: fromDayNumber(i.due + i.paidAfter) });
        const later = computeLateFees({
          ...i,
          dueDate,
          paymentDate: fromDayNumber(i.due + i.paidAfter + extra),
        });
        assert.ok(later.totalCents >= earlier.totalCents);
        assert.ok(later.interestCents >= earlier.interestCents);
        assert.ok(later.daysLate >= earlier.daysLate);
      }),
      { numRuns: 3000 },
    );
  });
});
