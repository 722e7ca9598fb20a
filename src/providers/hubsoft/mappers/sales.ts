// Orders and leads as the prospecto Hubsoft takes (POST prospecto), the atendimento text of an
// order, and the catalogue's codes (Hubsoft ids, vencimento days). Pure.
import { formatMoney } from '../../../brasil/money.js';
import { PonteError } from '../../../contract/index.js';
import type { Lead, Order, PartialAddress } from '../../../contract/index.js';
import { text } from '../../kit/edge.js';
import type { HubsoftSettings } from '../settings.js';

/** A code from list_* as the numeric id Hubsoft wants; INVALID_INPUT naming the field otherwise. */
export function hubsoftId(code: string | undefined, path: string): number | undefined {
  if (code === undefined) return undefined;
  if (!/^\d{1,15}$/.test(code)) {
    throw new PonteError(
      'INVALID_INPUT',
      `${path} must be a Hubsoft id, as the matching list_* function answers it`,
      {
        details: [{ path, message: 'expected a numeric Hubsoft id' }],
      },
    );
  }
  return Number(code);
}

const personType = (document: string | undefined) =>
  document !== undefined && document.length === 14 ? 'pj' : 'pf';

/** The optional parts of an address, as the prospecto names them. */
function addressExtras(place: PartialAddress): Record<string, unknown> {
  return {
    ...(place.complement === undefined ? {} : { complemento: place.complement }),
    ...(place.reference === undefined ? {} : { referencia: place.reference }),
    ...(place.latitude === undefined ? {} : { latitude: place.latitude }),
    ...(place.longitude === undefined ? {} : { longitude: place.longitude }),
  };
}

export function prospectFromOrder(
  order: Order,
  message: string,
  service: { id: number; valorCents: number },
  extra: { id_crm?: number } = {},
): Record<string, unknown> {
  const place = order.installation_address ?? order.address;
  const c = order.customer;
  const notes = [message, order.notes ?? ''].filter((n) => n.trim() !== '').join('\n');
  return {
    cep: place.zip_code,
    servico: { id_servico: service.id, valor: service.valorCents / 100 },
    nome_razaosocial: c.name,
    cpf_cnpj: c.document_number,
    tipo_pessoa: c.person_type === 'J' ? 'pj' : 'pf',
    telefone: c.phone,
    ...(c.phone_secondary === undefined ? {} : { telefone_secundario: c.phone_secondary }),
    ...(c.email === undefined ? {} : { email: c.email }),
    ...(c.rg === undefined ? {} : { rg: c.rg }),
    ...(c.birth_date === undefined ? {} : { data_nascimento: c.birth_date }),
    endereco: place.street,
    numero: place.number,
    bairro: place.neighborhood,
    ...addressExtras(place),
    id_vencimento: hubsoftId(order.due_date_code, 'order.due_date_code'),
    id_vendedor: hubsoftId(order.reseller_code, 'order.reseller_code'),
    id_origem_cliente: hubsoftId(order.commercial_origin_code, 'order.commercial_origin_code'),
    ...(extra.id_crm === undefined ? {} : { id_crm: extra.id_crm }),
    ...(notes === '' ? {} : { observacao: notes }),
    id_externo: order.id,
  };
}

/** Leads rarely carry a full address, which Hubsoft's prospect requires by default. */
const UNKNOWN_TEXT = 'NÃO INFORMADO';
const NO_NUMBER = 'S/N';

export function prospectFromLead(
  lead: Lead,
  service: { id: number; valorCents: number } | null,
  settings: Pick<HubsoftSettings, 'lead_crm_id' | 'sales_zip_code'>,
): Record<string, unknown> {
  const a = lead.address ?? {};
  const cep = a.zip_code ?? settings.sales_zip_code;
  return {
    ...(cep === undefined ? {} : { cep }),
    ...(service === null ? {} : { servico: { id_servico: service.id, valor: service.valorCents / 100 } }),
    nome_razaosocial: lead.name,
    ...(lead.document_number === undefined ? {} : { cpf_cnpj: lead.document_number }),
    tipo_pessoa: personType(lead.document_number),
    ...(lead.phone === undefined ? {} : { telefone: lead.phone }),
    ...(lead.email === undefined ? {} : { email: lead.email }),
    endereco: a.street ?? UNKNOWN_TEXT,
    numero: a.number ?? NO_NUMBER,
    bairro: a.neighborhood ?? UNKNOWN_TEXT,
    ...addressExtras(a),
    id_vendedor: hubsoftId(lead.reseller_code, 'lead.reseller_code'),
    id_origem_cliente: hubsoftId(lead.commercial_origin_code, 'lead.commercial_origin_code'),
    ...(settings.lead_crm_id === undefined ? {} : { id_crm: settings.lead_crm_id }),
    ...(lead.notes === undefined ? {} : { observacao: lead.notes }),
    id_externo: lead.id,
  };
}

/** A one-line summary of an order, for the atendimento that carries it. */
export function orderSummary(order: Order, message: string): string {
  const items = order.items
    .map(
      (i) =>
        `${i.quantity}x ${i.name ?? i.product_code}${i.price === undefined ? '' : ` (R$ ${formatMoney(i.price)})`}`,
    )
    .join(', ');
  const parts = [
    message.trim(),
    `Pedido ${order.id}: ${items}; vencimento ${order.due_date_code}.`,
    order.notes ?? '',
  ];
  return parts.filter((p) => p !== '').join('\n');
}

/** A vencimento's day of month ("1" to "31"); null for "ultimo_dia" and anything unreadable. */
export function dueDayName(value: unknown): string | null {
  const day = typeof value === 'number' ? value : /^\d{1,2}$/.test(text(value)) ? Number(text(value)) : NaN;
  return Number.isInteger(day) && day >= 1 && day <= 31 ? String(day) : null;
}
