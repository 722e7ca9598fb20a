// The contract's Lead and Order -> the bodies of POST /external/crm/leads/create (personalData,
// contact, address, integratorData; Go SDK and TS adapters) and POST crm/startsale (Go SDK).
// typeTxId is 1 for a company and 2 for a person (the meaning in most bodies of the material).
import type { Lead, Order, PartialAddress } from '../../../contract/index.js';
import type { VoalleSettings } from '../settings.js';

export interface IntegratorCodes {
  integratorAlias: string;
  crmContactOriginCode: string;
  sellerTxId?: string;
}

function address(a: PartialAddress | undefined) {
  if (a === undefined) return undefined;
  return {
    postalCode: a.zip_code ?? '',
    street: a.street ?? '',
    number: a.number ?? '',
    neighborhood: a.neighborhood ?? '',
    addressComplement: a.complement ?? '',
    addressReference: a.reference ?? '',
    ...(a.ibge_code === undefined ? {} : { codeCityId: Number(a.ibge_code) }),
    city: a.city ?? '',
    state: a.state ?? '',
    country: 'Brasil',
  };
}

function integratorData(codes: IntegratorCodes, settings: VoalleSettings) {
  return {
    crmContactOriginCode: codes.crmContactOriginCode,
    integratorAlias: codes.integratorAlias,
    ...(settings.crm_form_code === undefined ? {} : { crmFormCode: settings.crm_form_code }),
    ...(settings.integration_team_code === undefined
      ? {}
      : { integrationTeamCode: settings.integration_team_code }),
    ...(codes.sellerTxId === undefined ? {} : { integrationSellerTxId: codes.sellerTxId }),
  };
}

const typeTxId = (document: string | undefined) => (document?.length === 14 ? 1 : 2);

export function leadBody(
  lead: Lead,
  codes: IntegratorCodes,
  settings: VoalleSettings,
): Record<string, unknown> {
  const notes = [
    lead.notes,
    lead.product_code === undefined ? '' : `Produto: ${lead.product_code}`,
    `[ponte:lead:${lead.id}]`,
  ]
    .filter((s) => s !== undefined && s !== '')
    .join('\n');
  return {
    personalData: {
      name: lead.name,
      ...(lead.document_number === undefined
        ? {}
        : { typeTxId: typeTxId(lead.document_number), txId: lead.document_number }),
    },
    contact: {
      ...(lead.phone === undefined ? {} : { cellPhone: lead.phone }),
      ...(lead.email === undefined ? {} : { email: lead.email }),
    },
    ...(lead.address === undefined ? {} : { address: address(lead.address) }),
    integratorData: { ...integratorData(codes, settings), integrationCode: lead.id },
    observations: notes,
  };
}

/** An order as a lead (what the platform's own Voalle connector sends). */
export function orderLeadBody(
  order: Order,
  message: string,
  codes: IntegratorCodes,
  settings: VoalleSettings,
): Record<string, unknown> {
  const c = order.customer;
  const items = order.items
    .map((i) => `${i.quantity}x ${i.product_code}${i.name === undefined ? '' : ` ${i.name}`}`)
    .join('; ');
  return {
    personalData: {
      name: c.name,
      typeTxId: typeTxId(c.document_number),
      txId: c.document_number,
      ...(c.birth_date === undefined ? {} : { birthDate: c.birth_date }),
      ...(c.rg === undefined ? {} : { identity: c.rg }),
      ...(c.trade_name === undefined ? {} : { name2: c.trade_name }),
    },
    contact: {
      cellPhone: c.phone,
      ...(c.phone_secondary === undefined ? {} : { phone: c.phone_secondary }),
      ...(c.email === undefined ? {} : { email: c.email }),
    },
    address: address(order.installation_address ?? order.address),
    integratorData: { ...integratorData(codes, settings), integrationCode: order.id },
    observations: [
      message,
      order.notes,
      `Itens: ${items}`,
      `Vencimento: ${order.due_date_code}`,
      `[ponte:order:${order.id}]`,
    ]
      .filter((s) => s !== undefined && s !== '')
      .join('\n'),
  };
}

export interface SaleCodes {
  companyPlaceTxId: string;
  contractType: string;
  crmCampaignCode: string;
  crmPriceListCode: string;
  sellerTxId?: string;
}

/** crm/startsale for an order (a CRM negotiation); the items are Voalle service codes. */
export function startSaleBody(
  order: Order,
  message: string,
  codes: SaleCodes,
  settings: VoalleSettings,
): Record<string, unknown> {
  return {
    txId: order.customer.document_number,
    companyPlaceTxId: codes.companyPlaceTxId,
    ...(codes.sellerTxId === undefined
      ? {}
      : { thirdSellerTxId: codes.sellerTxId, responsibleSellerTxId: codes.sellerTxId }),
    ...(settings.team_code === undefined ? {} : { TeamCode: settings.team_code }),
    contractType: codes.contractType,
    crmCampaignCode: codes.crmCampaignCode,
    crmPriceListCode: codes.crmPriceListCode,
    ...(settings.contract_payment_form_code === undefined
      ? {}
      : { contractPaymentFormCode: settings.contract_payment_form_code }),
    ...(settings.contract_financial_collection_type_code === undefined
      ? {}
      : { contractFinancialCollectionTypeCode: settings.contract_financial_collection_type_code }),
    ...(settings.contract_date_management_code === undefined
      ? {}
      : { contractDateManagementCode: settings.contract_date_management_code }),
    contractCollectionDay: Number(order.due_date_code) || order.due_date_code,
    serviceProducts: order.items.map((i) => ({
      code: i.product_code,
      quantity: i.quantity,
      ...(i.price === undefined ? {} : { amount: i.price / 100 }),
    })),
    observations: [message, order.notes, `[ponte:order:${order.id}]`]
      .filter((s) => s !== undefined && s !== '')
      .join('\n'),
  };
}

/** The order as a solicitation's description (ticket mode, and orders opened as tickets). */
export function orderSummary(order: Order, message: string, heading: string): string {
  const items = order.items
    .map((i) => `${i.quantity}x ${i.product_code}${i.name === undefined ? '' : ` ${i.name}`}`)
    .join('; ');
  return [
    heading,
    message,
    order.notes ?? '',
    `Itens: ${items}`,
    `Vencimento: ${order.due_date_code}`,
    `[ponte:order:${order.id}]`,
  ]
    .filter((s) => s !== '')
    .join('\n');
}
