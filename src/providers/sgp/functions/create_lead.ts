import { sgpFunction } from '../client.js';

/**
 * SGP has no lead object: a lead is a pre-registration that is not activated (POST
 * /api/precadastro/F|J without precadastro_ativar). SGP answers no id, so remote_id is null.
 * logradouro is required by SGP: "NAO INFORMADO" when the lead has no street.
 */
export const createLead = sgpFunction('create_lead', async (conn, input, call) => {
  const { lead } = input;
  const a = lead.address;
  const kind = lead.document_number?.length === 14 ? 'J' : 'F';
  const phone = lead.phone;
  await conn.client.post(
    `/api/precadastro/${kind}`,
    {
      nome: lead.name,
      cpfcnpj: lead.document_number,
      email: lead.email,
      ...(phone === undefined
        ? {}
        : { celular: `(${phone.slice(0, 2)}) ${phone.slice(2, phone.length - 4)}-${phone.slice(-4)}` }),
      logradouro: a?.street ?? 'NAO INFORMADO',
      numero: a?.number,
      complemento: a?.complement,
      bairro: a?.neighborhood,
      cidade: a?.city,
      uf: a?.state,
      cep: a?.zip_code === undefined ? undefined : `${a.zip_code.slice(0, 5)}-${a.zip_code.slice(5)}`,
      plano_id: lead.product_code,
      midia_id: lead.commercial_origin_code,
      vendedor_id: lead.reseller_code ?? conn.settings.vendedor_id,
      observacao: [lead.notes, `Lead ${lead.id} (Ponte)`].filter(Boolean).join('\n'),
    },
    call,
    { read: false },
  );
  return { remote_id: null };
});
