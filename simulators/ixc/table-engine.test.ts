import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  compareValues,
  ListingError,
  matches,
  runListing,
  type Operator,
  type Table,
} from './table-engine.js';

function table(): Table {
  const rows = [
    {
      id: '1',
      nome: 'Fibra 100 Mega',
      cnpj_cpf: '318.457.203-00',
      status: 'A',
      valor: '79.90',
      venc: '2026-01-10',
    },
    {
      id: '2',
      nome: 'Fibra 300 Mega',
      cnpj_cpf: '27401958600',
      status: 'R',
      valor: '99.90',
      venc: '2026-02-10',
    },
    {
      id: '3',
      nome: 'Rádio 10 Mega',
      cnpj_cpf: '405.817.362-00',
      status: 'C',
      valor: '59.90',
      venc: '2026-03-10',
    },
    { id: '10', nome: 'Fibra 1 Giga', cnpj_cpf: '', status: 'P', valor: '179.90', venc: '2026-04-10' },
  ];
  return { name: 't', columns: ['id', 'nome', 'cnpj_cpf', 'status', 'valor', 'venc'], rows, nextId: 11 };
}

const ids = (body: Record<string, unknown>) => (runListing(table(), body).registros ?? []).map((r) => r.id);
const grid = (items: object[]) => JSON.stringify(items);

describe('IXC table engine', () => {
  test('qtype/query/oper with every operator', () => {
    const cases: [Operator, string, string | undefined, string[]][] = [
      ['=', '1', undefined, ['1']],
      ['!=', 'A', undefined, ['2', '3', '10']],
      ['>', '2', undefined, ['3', '10']],
      ['<', '3', undefined, ['1', '2']],
      ['>=', '3', undefined, ['3', '10']],
      ['<=', '2', undefined, ['1', '2']],
      ['L', 'fibra', undefined, ['1', '2', '10']],
      ['NL', 'Fibra', undefined, ['3']],
      ['IN', '1,3, 10', undefined, ['1', '3', '10']],
      ['NI', '1,3', undefined, ['2', '10']],
      ['BE', '2', '3', ['2', '3']],
      ['NBE', '2', '3', ['1', '10']],
    ];
    for (const [oper, p, p2, expected] of cases) {
      const column = oper === 'L' || oper === 'NL' ? 't.nome' : oper === '!=' ? 't.status' : 't.id';
      const body =
        p2 === undefined
          ? { qtype: column, query: p, oper }
          : { grid_param: grid([{ TB: column, OP: oper, P: p, P2: p2 }]) };
      assert.deepEqual(ids(body), expected, oper);
    }
  });

  test('numbers compare as numbers, dates across notations, text without case', () => {
    assert.ok(compareValues('10', '9') > 0);
    assert.equal(compareValues('99.90', '99.9'), 0);
    assert.equal(compareValues('10/02/2026', '2026-02-10'), 0);
    assert.ok(compareValues('2026-02-10 13:00:00', '09/02/2026') > 0);
    assert.equal(compareValues('FIBRA', 'fibra'), 0);
    assert.deepEqual(ids({ qtype: 't.venc', query: '01/03/2026', oper: '>=' }), ['3', '10']);
  });

  test('a masked CPF does not match its digits (the trap of the real ERP)', () => {
    assert.deepEqual(ids({ qtype: 't.cnpj_cpf', query: '318.457.203-00', oper: '=' }), ['1']);
    assert.deepEqual(ids({ qtype: 't.cnpj_cpf', query: '31845720300', oper: '=' }), []);
  });

  test('grid_param is a JSON string ANDed with qtype; P2 means either/neither with = and !=', () => {
    assert.deepEqual(
      ids({
        qtype: 't.nome',
        query: 'Fibra',
        oper: 'L',
        grid_param: grid([{ TB: 't.status', OP: '!=', P: 'R', P2: 'C' }]),
      }),
      ['1', '10'],
    );
    assert.deepEqual(ids({ grid_param: grid([{ TB: 't.status', OP: '=', P: 'R', P2: 'C' }]) }), ['2', '3']);
    // Sent as an array instead of a string, it filters nothing.
    assert.deepEqual(ids({ grid_param: [{ TB: 't.status', OP: '=', P: 'R' }] }), ['1', '2', '3', '10']);
  });

  test('paging, sorting and the answer shape: strings, no registros when empty', () => {
    const page2 = runListing(table(), {
      qtype: 't.id',
      query: '1',
      oper: '>=',
      page: '2',
      rp: '3',
      sortname: 't.id',
    });
    assert.deepEqual(page2, { page: '2', total: '4', registros: [table().rows[3]] });
    assert.deepEqual(ids({ sortname: 't.valor', sortorder: 'desc' }), ['10', '2', '1', '3']);
    assert.deepEqual(runListing(table(), { qtype: 't.id', query: '99' }), { page: '1', total: '0' });
    for (const row of runListing(table(), {}).registros ?? []) {
      for (const v of Object.values(row)) assert.equal(typeof v, 'string');
    }
  });

  test('a column without its table prefix is read as this table s', () => {
    assert.deepEqual(
      runListing(table(), { qtype: 'id', query: '1' }),
      runListing(table(), { qtype: 't.id', query: '1' }),
    );
    assert.deepEqual(
      runListing(table(), { sortname: 'valor' }),
      runListing(table(), { sortname: 't.valor' }),
    );
  });

  test('an unknown column, another table s prefix or an unknown operator is an error (HTTP 200, as IXC)', () => {
    for (const body of [
      { qtype: 'u.id', query: '1' },
      { qtype: 't.nada', query: '1' },
      { qtype: 't.id', query: '1', oper: 'LIKE' },
      { sortname: 'nada' },
      { grid_param: '[{"TB":"t.id"' },
    ]) {
      assert.throws(
        () => runListing(table(), body),
        (e: unknown) => e instanceof ListingError && e.status === 200,
      );
    }
  });

  test('IN and NI partition the rows; BE and NBE too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 5 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (list, a, b) => {
          for (let v = 0; v <= 20; v++) {
            const value = String(v);
            const p = list.join(',');
            assert.notEqual(
              matches(value, { column: 'x', op: 'IN', p }),
              matches(value, { column: 'x', op: 'NI', p }),
            );
            const be = matches(value, { column: 'x', op: 'BE', p: String(a), p2: String(b) });
            assert.notEqual(be, matches(value, { column: 'x', op: 'NBE', p: String(a), p2: String(b) }));
            assert.equal(be, v >= a && v <= b);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
