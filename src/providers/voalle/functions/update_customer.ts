import { voalleFunction } from '../client.js';
import { requirePerson } from '../customers.js';
import { addressUpdateBody, personUpdateBody } from '../mappers/customer.js';

/**
 * PUT people/{id} for e-mail and phones, PUT updateaddress/{clientId} for the address (sent whole:
 * the current address with the changes over it). A refusal is success false with Voalle's message;
 * when the first write passed and the second was refused, api_response says both.
 */
export const updateCustomer = voalleFunction('update_customer', async (conn, input, call) => {
  const person = await requirePerson(conn, input.customer_document_number, call);
  const answers: string[] = [];
  const people = personUpdateBody(person.id, input.changes);
  if (people !== null) {
    const answer = await conn.client.write('PUT', `people/${person.id}`, people, call);
    answers.push(answer.text);
    if (!answer.ok) return { success: false, api_response: answers.join('\n') };
  }
  const address = input.changes.address;
  if (address !== undefined && Object.values(address).some((v) => v !== undefined)) {
    const answer = await conn.client.write(
      'PUT',
      `updateaddress/${person.id}`,
      addressUpdateBody(person, address),
      call,
    );
    answers.push(answer.text);
    if (!answer.ok) return { success: false, api_response: answers.join('\n') };
  }
  return { success: true, api_response: answers.join('\n') };
});
