import { PonteError } from '../../../contract/index.js';
import { voalleFunction } from '../client.js';
import { contractsOf } from '../contracts.js';

/**
 * POST contracts/unlock/{contractNumber} (no body). The contract is contract_id, else the one
 * blocked contract. Voalle applies its own rules; a refusal is success false with its message.
 * Voalle answers neither the release date nor a protocol: both are "".
 */
export const trustUnlock = voalleFunction('trust_unlock', async (conn, input, call) => {
  const contracts = await contractsOf(conn, input.customer_document_number, call);
  const blocked = contracts.filter((c) => c.status === 6 || c.status === 7);
  let contract;
  if (input.contract_id !== undefined) {
    contract = contracts.find((c) => c.contractNumber === input.contract_id);
    if (contract === undefined)
      throw new PonteError(
        'CONTRACT_NOT_FOUND',
        `Voalle has no contract ${input.contract_id} for this customer`,
      );
  } else if (blocked.length === 1) {
    contract = blocked[0]!;
  } else {
    return {
      success: false,
      message:
        blocked.length === 0
          ? 'No blocked contract to unlock.'
          : 'Several contracts are blocked: give contract_id.',
      unlocked_until: '',
      protocol: '',
    };
  }
  const answer = await conn.client.write(
    'POST',
    `contracts/unlock/${contract.contractNumber}`,
    undefined,
    call,
  );
  return {
    success: answer.ok,
    message:
      answer.messages.join(' ') || (answer.ok ? 'Contrato desbloqueado.' : 'Voalle refused the unlock.'),
    unlocked_until: '',
    protocol: '',
  };
});
