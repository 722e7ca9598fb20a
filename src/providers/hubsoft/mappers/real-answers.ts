// What public clients that run against real Hubsoft installations record of its answers, written
// by us as field names and values (no client's code or text): the evidence is listed in
// shared/research/fidelity-ixc-hubsoft.md (Hubsoft H1-H5, cited here by the research's labels).
// The mapper tests read these, so the mappers are checked against what real Hubsoft says, not
// only against our simulator. Names, documents and codes below are made up; the shapes are not.
import type { HubsoftBill } from '../types.js';

/**
 * A pending fatura of financeiro/fatura asked with exibir_pix_copia_cola=sim: money as a string,
 * data_pagamento null while unpaid (H4 asserts it against a live tenant), the Pix code under
 * `pix_copia_e_cola`, with the "e" (H5, a client's snapshot note), with link and linha digitável.
 */
export const pendingFaturaWithPix: HubsoftBill = {
  id_fatura: 310245,
  id_cliente_servico: 40210,
  data_vencimento: '2026-11-10',
  data_pagamento: null,
  data_cadastro: '2026-10-20 08:00:00',
  valor: '99.90',
  valor_pago: null,
  linha_digitavel: '34191.09008 86357.127736 07144.464000 7 16260000009990',
  link: 'https://api.provedor.example/pdf/fatura/9f1c2e',
  pix_copia_e_cola:
    '00020126550014br.gov.bcb.pix2533pix.provedor.example/qr/v2/9f1c2e520400005303986540599.905802BR5916PROVEDOR EXEMPLO6008CAMPINAS62070503***6304E6E6',
  cliente: {
    id_cliente: 9120,
    nome_razaosocial: 'CLIENTE DE EXEMPLO',
    tipo_pessoa: 'pf',
    cpf_cnpj: '52998224725',
  },
};

/** A boleto-only fatura of the same route: `pix_copia_e_cola` comes back null (H5), the boleto is filled. */
export const boletoOnlyFatura: HubsoftBill = {
  ...pendingFaturaWithPix,
  id_fatura: 310246,
  pix_copia_e_cola: null,
};

/**
 * A fatura as cliente/financeiro (the per-customer route of the newer official collection, H1, H4)
 * prints it: the Pix code is `pix_copia_cola`, without the "e" (H1 reads it, H4 and H5 name it).
 */
export const clienteFinanceiroFatura: HubsoftBill = {
  id_fatura: 310247,
  id_cliente_servico: 40210,
  data_vencimento: '10/12/2026',
  data_pagamento: null,
  valor: 99.9,
  link: 'https://api.provedor.example/pdf/fatura/a77e01',
  linha_digitavel: '34191.09008 86357.127736 07144.464000 1 16560000009990',
  pix_copia_cola:
    '00020126550014br.gov.bcb.pix2533pix.provedor.example/qr/v2/a77e01520400005303986540599.905802BR5916PROVEDOR EXEMPLO6008CAMPINAS62070503***63045511',
};

/** An unlock Hubsoft granted: the envelope's status is "success" (H4 asserts only that). */
export const unlockGranted = { status: 'success', msg: '' };

/** A prospecto Hubsoft recorded: its id is `prospecto.id_prospecto` (H1 reads it). */
export const prospectRecorded = { status: 'success', msg: '', prospecto: { id_prospecto: 5821 } };

/** A write Hubsoft refused (prospecto, liquidar): status "error" with the reason in `msg` (H1, H3). */
export const writeRefused = { status: 'error', msg: 'motivo da recusa' };

/** The cliente route searched by busca=cpf_cnpj on real hosts (H5): a `clientes` list (H2 reads clientes[0]). */
export const clienteFound = {
  status: 'success',
  msg: '',
  clientes: [
    { id_cliente: 9120, nome_razaosocial: 'CLIENTE DE EXEMPLO', cpf_cnpj: '52998224725', servicos: [] },
  ],
};

/** The API client's client_id is a number, e.g. 118 or 89 (H5, a client's setup guide). */
export const numericClientIds = [118, 89];
