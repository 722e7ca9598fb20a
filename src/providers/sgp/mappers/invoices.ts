// SGP's tax documents -> the contract's Invoice:
// - notas fiscais (/api/central/notafiscal/list/, models 21/22): no id field, so id_nota is
//   "<contract>-<serie>-<numero>"; `data_cancela` is the string "None" when not cancelled;
// - NFCom (/api/central/nfcom/list, model 62): id_nota "nfcom-<id>"; status "1" authorized, "8"
//   cancelled, the rest (typing, rejected, waiting, replaced) left out. The vendor's example lists
//   no value: valor is then "0.00" (and the caller warns);
// - NFS-e (/api/central/nfse/list/): id_nota "nfse-<nfse_id>"; the vendor's example spells some
//   keys with typos (nise_data, ntse_link), which are read too.
import type { FunctionOutput } from '../../../contract/index.js';
import { formatMoney } from '../../../brasil/money.js';
import { cents, digits, httpUrl, isoDate, text } from '../../kit/index.js';

type Invoice = FunctionOutput<'list_invoices'>[number];

export interface SgpNota {
  numero?: unknown;
  serie?: unknown;
  modelo?: unknown;
  link?: unknown;
  data_cancela?: unknown;
  data_emissao?: unknown;
  valortotal?: unknown;
  chave?: unknown;
  empresa_razao_social?: unknown;
  empresa_cnpj?: unknown;
  [key: string]: unknown;
}

const MODELS = new Set(['21', '22', '62']);

export function invoiceId(contract: string, n: SgpNota): string {
  return `${contract}-${text(n.serie)}-${text(n.numero)}`;
}

/** The note as an Invoice; null for a model the contract does not list or a note without a date. */
export function toInvoice(contract: string, n: SgpNota): Invoice | null {
  const model = text(n.modelo);
  const issued = isoDate(n.data_emissao);
  if (!MODELS.has(model) || issued === null || text(n.numero) === '') return null;
  const cancelled = isoDate(n.data_cancela) !== null;
  const key = digits(n.chave);
  return {
    id_nota: invoiceId(contract, n),
    numero: text(n.numero),
    serie: text(n.serie),
    modelo: model as Invoice['modelo'],
    status: cancelled ? 'cancelled' : 'authorized',
    valor: formatMoney(cents(n.valortotal) ?? 0),
    data_emissao: issued,
    chave_acesso: key.length === 44 ? key : '',
    url_nota_fiscal: httpUrl(n.link),
  };
}

export interface SgpNfcom {
  id?: unknown;
  numero?: unknown;
  serie?: unknown;
  chave?: unknown;
  status?: unknown;
  data_emissao?: unknown;
  valor?: unknown;
  valor_total?: unknown;
  [key: string]: unknown;
}

/** An NFCom as an Invoice; null when it was never authorized or cannot be read. */
export function nfcomToInvoice(n: SgpNfcom): Invoice | null {
  const status = text(n.status);
  const issued = isoDate(n.data_emissao);
  if ((status !== '1' && status !== '8') || issued === null || text(n.id) === '' || text(n.numero) === '') {
    return null;
  }
  const key = digits(n.chave);
  return {
    id_nota: `nfcom-${text(n.id)}`,
    numero: text(n.numero),
    serie: text(n.serie),
    modelo: '62',
    status: status === '8' ? 'cancelled' : 'authorized',
    valor: formatMoney(cents(n.valor_total) ?? cents(n.valor) ?? 0),
    data_emissao: issued,
    chave_acesso: key.length === 44 ? key : '',
    url_nota_fiscal: '',
  };
}

/** True when the NFCom item carries a value of its own. */
export function nfcomHasValue(n: SgpNfcom): boolean {
  return cents(n.valor_total) !== null || cents(n.valor) !== null;
}

export interface SgpNfse {
  nfse_id?: unknown;
  nfse_numero?: unknown;
  nfse_numero_rps?: unknown;
  nfse_serie?: unknown;
  nfse_valor?: unknown;
  nfse_data?: unknown;
  nise_data?: unknown;
  nfse_link?: unknown;
  ntse_link?: unknown;
  nfse_status?: unknown;
  [key: string]: unknown;
}

export function nfseLink(n: SgpNfse): string {
  return httpUrl(n.nfse_link) || httpUrl(n.ntse_link);
}

/** An NFS-e as an Invoice (its number: nfse_numero, else the RPS number). */
export function nfseToInvoice(n: SgpNfse): Invoice | null {
  const issued = isoDate(n.nfse_data) ?? isoDate(n.nise_data);
  const numero = text(n.nfse_numero) || text(n.nfse_numero_rps);
  if (issued === null || text(n.nfse_id) === '' || numero === '') return null;
  return {
    id_nota: `nfse-${text(n.nfse_id)}`,
    numero,
    serie: text(n.nfse_serie),
    modelo: 'NFS-e',
    status: /cancel/i.test(text(n.nfse_status)) ? 'cancelled' : 'authorized',
    valor: formatMoney(cents(n.nfse_valor) ?? 0),
    data_emissao: issued,
    chave_acesso: '',
    url_nota_fiscal: nfseLink(n),
  };
}
