import { refusalOf, sgpFunction } from '../client.js';
import { mainContract, requireContracts } from '../customers.js';
import { text } from '../../kit/index.js';

/** "(42) 99876-5432" from DDD + number, as SGP prints phones. */
function masked(phone: string): string {
  const ddd = phone.slice(0, 2);
  const rest = phone.slice(2);
  return `(${ddd}) ${rest.slice(0, rest.length - 4)}-${rest.slice(-4)}`;
}

/**
 * SGP's API can only add contacts (POST /api/ura/contato/add/ on the customer's main contract):
 * email -> EMAIL, phone -> CELULAR_PESSOAL, phone_secondary -> TELEFONE_OUTROS. The address (and
 * name, document) cannot be changed through it: a change with an address is success false and
 * nothing is sent.
 */
export const updateCustomer = sgpFunction('update_customer', async (conn, input, call) => {
  const { changes } = input;
  const entries = await requireContracts(conn, input.customer_document_number, call);
  const address =
    changes.address !== undefined && Object.values(changes.address).some((v) => v !== undefined);
  if (address) {
    return {
      success: false,
      api_response:
        'SGP has no API to change a customer address: nothing was changed (change it in SGP, Cadastro do cliente).',
    };
  }
  const contrato = text(mainContract(entries).contratoId);
  const adds: { contato: string; tipo: string }[] = [
    ...(changes.email === undefined ? [] : [{ contato: changes.email, tipo: 'EMAIL' }]),
    ...(changes.phone === undefined ? [] : [{ contato: masked(changes.phone), tipo: 'CELULAR_PESSOAL' }]),
    ...(changes.phone_secondary === undefined
      ? []
      : [{ contato: masked(changes.phone_secondary), tipo: 'TELEFONE_OUTROS' }]),
  ];
  const answers: string[] = [];
  for (const add of adds) {
    const answer = await conn.client.post('/api/ura/contato/add/', { ...add, contrato }, call, {
      read: false,
      refusalsAsData: true,
    });
    answers.push(`${add.tipo}: ${answer.raw === '' ? `HTTP ${answer.status}` : answer.raw}`);
    const refusal = refusalOf(answer.body);
    if (refusal !== null) {
      return { success: false, api_response: `${answers.join('\n')}\nSGP refused: ${refusal}` };
    }
  }
  return { success: true, api_response: answers.join('\n') };
});
