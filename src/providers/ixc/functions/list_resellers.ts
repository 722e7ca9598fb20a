import { parseDocument } from '../../../brasil/document.js';
import { ixcFunction } from '../connection.js';

/** Active sellers (vendedor.status A); a seller's CPF/CNPJ only when it is valid. */
export const listResellers = ixcFunction('list_resellers', async (conn, _input, call) => {
  const rows = await conn.client.list('vendedor', [{ column: 'status', value: 'A' }], call);
  return rows
    .filter((r) => r.status === 'A')
    .map((r) => {
      const doc = parseDocument(r.cnpj_cpf ?? '');
      return {
        code: r.id ?? '',
        name: r.nome ?? '',
        taxvat: doc.ok ? doc.value : '',
        email: (r.email ?? '').trim().toLowerCase(),
      };
    });
});
