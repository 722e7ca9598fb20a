// Orders and leads as prospects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prospectFromLead } from './sales.js';

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
