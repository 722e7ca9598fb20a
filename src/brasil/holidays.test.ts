import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getHolidays } from '@brazilian-utils/brazilian-utils';
import { easterSunday, isBusinessDay, nationalHolidays, nextBusinessDay } from './holidays.js';
import { addDays, fromDayNumber, weekday } from './dates.js';

function localIso(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describe('easterSunday', () => {
  test('known Easter dates', () => {
    assert.equal(easterSunday(2000), '2000-04-23');
    assert.equal(easterSunday(2019), '2019-04-21');
    assert.equal(easterSunday(2024), '2024-03-31');
    assert.equal(easterSunday(2025), '2025-04-20');
    assert.equal(easterSunday(2026), '2026-04-05');
    assert.equal(easterSunday(2027), '2027-03-28');
    assert.equal(easterSunday(2038), '2038-04-25');
    assert.equal(easterSunday(2285), '2285-03-22');
  });

  test('agrees with the oracle and is always a Sunday between Mar 22 and Apr 25', () => {
    for (let year = 1900; year <= 2099; year++) {
      const easter = easterSunday(year);
      const oracle = getHolidays(year).find((h) => h.name === 'Páscoa');
      assert.equal(easter, localIso(oracle!.date), `year ${year}`);
      assert.equal(weekday(easter), 0);
      const monthDay = easter.slice(5);
      assert.ok(monthDay >= '03-22' && monthDay <= '04-25', easter);
    }
  });

  test('rejects years outside the Gregorian range', () => {
    assert.throws(() => easterSunday(1582), RangeError);
    assert.throws(() => easterSunday(2026.5), RangeError);
    assert.throws(() => easterSunday(10000), RangeError);
  });
});

describe('nationalHolidays', () => {
  test("2026's bank calendar", () => {
    assert.deepEqual(nationalHolidays(2026), [
      '2026-01-01',
      '2026-02-16', // Carnival Monday
      '2026-02-17', // Carnival Tuesday
      '2026-04-03', // Good Friday
      '2026-04-21',
      '2026-05-01',
      '2026-06-04', // Corpus Christi
      '2026-09-07',
      '2026-10-12',
      '2026-11-02',
      '2026-11-15',
      '2026-11-20',
      '2026-12-25',
    ]);
  });

  test('Nov 20 is in the calendar from 2024 on only', () => {
    assert.ok(!nationalHolidays(2023).includes('2023-11-20'));
    assert.ok(nationalHolidays(2024).includes('2024-11-20'));
    assert.equal(isBusinessDay('2023-11-20'), true); // a Monday, before Lei 14.759/2023 applied
  });

  test('lists a day once when Good Friday falls on Tiradentes (2000)', () => {
    const days = nationalHolidays(2000);
    assert.equal(days.filter((d) => d === '2000-04-21').length, 1);
    assert.equal(days.length, 11); // 8 fixed + 4 Easter-based, one shared
  });

  test("matches the oracle's national holidays plus Carnival and Corpus Christi, 1990-2099", () => {
    for (let year = 1990; year <= 2099; year++) {
      const expected = new Set(
        getHolidays(year)
          .filter((h) => h.type === 'national' || h.type === 'optional')
          .map((h) => localIso(h.date)),
      );
      expected.add(addDays(easterSunday(year), -48)); // Carnival Monday, which the oracle does not list
      assert.deepEqual(nationalHolidays(year), [...expected].sort(), `year ${year}`);
    }
  });

  test('returns a copy that callers cannot corrupt', () => {
    nationalHolidays(2026).push('2026-03-03');
    assert.equal(isBusinessDay('2026-03-03'), true);
  });
});

describe('isBusinessDay / nextBusinessDay', () => {
  test('weekdays, weekends and holidays', () => {
    assert.equal(isBusinessDay('2026-03-10'), true); // Tuesday
    assert.equal(isBusinessDay('2026-03-14'), false); // Saturday
    assert.equal(isBusinessDay('2026-03-15'), false); // Sunday
    assert.equal(isBusinessDay('2026-04-21'), false); // Tiradentes, a Tuesday
    assert.equal(isBusinessDay('2026-02-18'), true); // Ash Wednesday: banks open
  });

  test('a business day is its own next business day', () => {
    assert.equal(nextBusinessDay('2026-03-10'), '2026-03-10');
  });

  test('a Saturday due date moves to Monday', () => {
    assert.equal(nextBusinessDay('2026-03-14'), '2026-03-16');
    assert.equal(nextBusinessDay('2026-03-15'), '2026-03-16');
  });

  test('a holiday Friday followed by a weekend moves to Monday', () => {
    assert.equal(nextBusinessDay('2026-04-03'), '2026-04-06'); // Good Friday
    assert.equal(nextBusinessDay('2026-11-20'), '2026-11-23'); // Consciência Negra
  });

  test('Carnival: Saturday before it moves to Ash Wednesday', () => {
    assert.equal(nextBusinessDay('2026-02-14'), '2026-02-18');
  });

  test('across the new year', () => {
    assert.equal(nextBusinessDay('2027-01-01'), '2027-01-04'); // Friday holiday, then weekend
  });

  test('rejects invalid dates', () => {
    assert.throws(() => isBusinessDay('2026-02-30'), RangeError);
    assert.throws(() => nextBusinessDay('26-03-10'), RangeError);
  });

  test('property: the next business day is a business day, not earlier, at most 4 days later, and nothing between is one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (n) => {
        const day = fromDayNumber(n);
        const next = nextBusinessDay(day);
        assert.ok(isBusinessDay(next));
        assert.ok(next >= day && next <= addDays(day, 4), `${day} -> ${next}`);
        for (let d = day; d < next; d = addDays(d, 1)) assert.equal(isBusinessDay(d), false);
      }),
      { numRuns: 2000 },
    );
  });
});
