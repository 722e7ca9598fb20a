// Hubsoft notas fiscais (cliente/nota_fiscal: telecom models 21/22 and NFS-e) as the contract's
// Invoice, and the 60-day windows Hubsoft reads them in. Pure.
import { addDays } from '../../../brasil/dates.js';
import { formatMoney } from '../../../brasil/money.js';
import type { Invoice } from '../../../contract/index.js';
import { cents, httpUrl, isoDate, text } from '../../kit/edge.js';
import type { HubsoftNfse, HubsoftTelecomNote } from '../types.js';

export interface HubsoftInvoice {
  invoice: Invoice;
  /** Where Hubsoft serves its PDF; '' when it gives none. */
  pdfUrl: string;
}

const MODELS = new Set(['21', '22', '62']);

interface NoteFields {
  id: string;
  numero: string;
  serie: string;
  modelo: Invoice['modelo'];
  cancelled: boolean;
  valueCents: number;
  issued: string;
  link: unknown;
}

function invoice(n: NoteFields): HubsoftInvoice {
  const url = httpUrl(n.link);
  return {
    invoice: {
      id_nota: n.id,
      numero: n.numero,
      serie: n.serie,
      modelo: n.modelo,
      status: n.cancelled ? 'cancelled' : 'authorized',
      valor: formatMoney(n.valueCents),
      data_emissao: n.issued,
      chave_acesso: '',
      url_nota_fiscal: url,
    },
    pdfUrl: url,
  };
}

export function fromTelecomNote(note: HubsoftTelecomNote): HubsoftInvoice | null {
  const id = text(note.id_nota_fiscal);
  const model = text(note.tipo_documento_fiscal?.codigo);
  const issued = isoDate(note.data_emissao_br);
  const value = cents(note.valor);
  if (id === '' || !MODELS.has(model) || issued === null || value === null) return null;
  return invoice({
    id: `nf-${id}`,
    numero: text(note.numero_nota),
    serie: text(note.serie_nota),
    modelo: model as Invoice['modelo'],
    cancelled: note.cancelado === true,
    valueCents: value,
    issued,
    link: note.link,
  });
}

export function fromNfse(note: HubsoftNfse): HubsoftInvoice | null {
  const id = text(note.id_nfse);
  const status = text(note.status);
  const issued = isoDate(note.data_emissao) ?? isoDate(note.data_cadastro);
  const value = cents(note.valor);
  if (id === '' || (status !== 'autorizado' && status !== 'cancelado') || issued === null || value === null)
    return null;
  return invoice({
    id: `nfse-${id}`,
    numero: text(note.numero),
    serie: text(note.serie),
    modelo: 'NFS-e',
    cancelled: status === 'cancelado',
    valueCents: value,
    issued,
    link: note.link_pdf,
  });
}

/** The notas of one cliente/nota_fiscal answer (NF-e model 55, goods sales, are not the contract's). */
export function invoicesOf(body: Record<string, unknown>): HubsoftInvoice[] {
  const telecom = Array.isArray(body.notas_fiscais) ? (body.notas_fiscais as HubsoftTelecomNote[]) : [];
  const nfses = Array.isArray(body.nfses) ? (body.nfses as HubsoftNfse[]) : [];
  return [...telecom.map(fromTelecomNote), ...nfses.map(fromNfse)].filter(
    (n): n is HubsoftInvoice => n !== null,
  );
}

/** Date windows of at most 60 days (Hubsoft's limit per request), newest first, covering `days`. */
export function invoiceWindows(today: string, days: number): { data_inicio: string; data_fim: string }[] {
  const windows: { data_inicio: string; data_fim: string }[] = [];
  for (let end = 0; end < days; end += 61) {
    const start = Math.min(end + 60, days);
    windows.push({ data_inicio: addDays(today, -start), data_fim: addDays(today, -end) });
  }
  return windows;
}
