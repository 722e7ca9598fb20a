import { addDays, todayInBrazil } from '../../../brasil/dates.js';
import { PonteError } from '../../../contract/index.js';
import { isoDate, text } from '../../kit/index.js';
import { sgpFunction } from '../client.js';
import { requireContracts } from '../customers.js';
import { statusCode } from '../mappers/customers.js';

const BLOCKED = new Set([4, 7]);

/**
 * "Liberação por confiança" (POST /api/ura/liberacaopromessa/, JSON, `contrato`). SGP decides the
 * days (URA_PROMESSA_DIAS) and the monthly limit. status 1 + liberado true is success; status 0
 * (nothing to release) and 2 (limit reached, contract not eligible) are refusals with SGP's msg.
 * Without contract_id the customer's only blocked contract is used.
 */
export const trustUnlock = sgpFunction('trust_unlock', async (conn, input, call) => {
  const entries = await requireContracts(conn, input.customer_document_number, call);
  let entry;
  if (input.contract_id !== undefined) {
    entry = entries.find((e) => text(e.contratoId) === input.contract_id);
    if (entry === undefined)
      throw new PonteError(
        'CONTRACT_NOT_FOUND',
        `SGP has no contract ${input.contract_id} for this customer`,
      );
  } else {
    const blocked = entries.filter((e) => BLOCKED.has(statusCode(e)));
    if (blocked.length === 0) {
      return {
        success: false,
        message: 'No contract of this customer is blocked in SGP: nothing to unlock',
        unlocked_until: '',
        protocol: '',
      };
    }
    if (blocked.length > 1) {
      throw new PonteError('INVALID_INPUT', 'the customer has several blocked contracts: give contract_id', {
        details: [
          { path: 'contract_id', message: `one of ${blocked.map((e) => text(e.contratoId)).join(', ')}` },
        ],
      });
    }
    entry = blocked[0]!;
  }
  const answer = await conn.client.post(
    '/api/ura/liberacaopromessa/',
    { contrato: text(entry.contratoId) },
    call,
    { read: false, json: true, refusalsAsData: true },
  );
  const b = (answer.body ?? {}) as Record<string, unknown>;
  const released =
    text(b.status) === '1' && (b.liberado === true || text(b.liberado).toLowerCase() === 'true');
  const message = text(b.msg);
  if (!released) {
    return {
      success: false,
      message: message || 'SGP released nothing (the contract has no block to lift)',
      unlocked_until: '',
      protocol: text(b.protocolo),
    };
  }
  const days = Number(text(b.liberado_dias));
  const until =
    isoDate(b.data_promessa) ??
    (Number.isInteger(days) && days > 0 ? addDays(todayInBrazil(call.now), days) : '');
  return {
    success: true,
    message: message || 'Contrato liberado',
    unlocked_until: until,
    protocol: text(b.protocolo),
  };
});
