// The liquidar body and what Hubsoft's answers to it mean.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { hubsoftSettingsSchema } from '../settings.js';
import { settlementBody, settlementOutcome } from './settlement.js';

const methods = hubsoftSettingsSchema.parse({
  base_url: 'https://api.provedor.com.br',
  client_id: '3',
  client_secret: 's',
  username: 'u@p.com.br',
  password: 'p',
}).meios_pagamento;

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
