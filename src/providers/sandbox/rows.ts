// Rows as SQLite returns them (column names kept), shared by the seeder, the fixtures and the mappers.
import type { UFS } from '../../contract/index.js';

export type Uf = (typeof UFS)[number];

export type ContractStatus = 'active' | 'blocked' | 'suspended' | 'pending' | 'cancelled' | 'inactive';
export type BlockReason = '' | 'financial' | 'manual';
export type BillStatus = 'open' | 'paid' | 'cancelled';

export interface CustomerRow {
  id: number;
  document: string;
  person_type: 'F' | 'J';
  name: string;
  trade_name: string;
  birth_date: string;
  registered_on: string;
  active: number;
  email: string;
  phone: string;
  phone_secondary: string;
  zip_code: string;
  street: string;
  number: string;
  complement: string;
  neighborhood: string;
  city: string;
  state: Uf;
  ibge_code: string;
  reference: string;
  reseller_code: string;
  origin_code: string;
  updated_at: string;
}

/** What most functions need of a customer: who it is. */
export type CustomerKey = Pick<CustomerRow, 'id' | 'document' | 'name' | 'person_type'>;

export interface ContactRow {
  id: number;
  customer_id: number;
  type: 'email' | 'phone';
  value: string;
  label: string;
}

export interface ContractRow {
  id: number;
  customer_id: number;
  product_code: string;
  status: ContractStatus;
  block_reason: BlockReason;
  value_cents: number;
  due_day: number;
  started_on: string;
  installation_address: string;
  last_unlock_on: string | null;
  unlocked_until: string | null;
}

/** A contract with its plan's name, as the plan queries return it. */
export interface PlanRow extends ContractRow {
  plan_name: string;
}

export interface BillRow {
  id: number;
  customer_id: number;
  contract_id: number;
  status: BillStatus;
  issued_on: string;
  due_on: string;
  amount_cents: number;
  discount_cents: number;
  description: string;
  paid_on: string | null;
  paid_cents: number | null;
}

/** What a bill shows (the contract's Bill), without the columns that only link it. */
export type BillView = Pick<
  BillRow,
  'id' | 'status' | 'issued_on' | 'due_on' | 'amount_cents' | 'discount_cents' | 'description' | 'paid_on'
>;

export interface InternalNoteRow {
  id: number;
  customer_id: number;
  text: string;
  pending: number;
  created_on: string;
}

export interface TicketRow {
  id: number;
  customer_id: number;
  contract_id: number | null;
  request_id: string | null;
  subject: string;
  message: string;
  contact_name: string;
  contact_phone: string;
  protocol: string;
  status: string;
  created_at: string;
}

export interface SettlementRow {
  id: number;
  transaction_id: string;
  customer_id: number;
  bill_id: number;
  method: string;
  amount_cents: number;
  paid_at: string;
  status: 'settled' | 'already_settled' | 'rejected';
  api_response: string;
  created_at: string;
}

export interface TrustUnlockRow {
  id: number;
  customer_id: number;
  contract_id: number;
  unlocked_on: string;
  unlocked_until: string;
  protocol: string;
}

export interface LeadRow {
  id: number;
  lead_key: string;
  name: string;
  document: string;
  email: string;
  phone: string;
  payload: string;
  created_at: string;
}

export interface OrderRow {
  id: number;
  order_key: string;
  kind: 'prospect' | 'ticket' | 'contract' | 'lead';
  customer_id: number | null;
  remote_id: string;
  remote_message: string | null;
  payload: string;
  message: string;
  created_at: string;
}

export interface ProductRow {
  code: string;
  name: string;
  price_cents: number;
  discount_cents: number;
  business: number;
}
