// Every statement the functions run, prepared once per connection. Each customer-scoped read goes
// through an index (customers.document, *_by_customer).
import type { SandboxDatabase } from './db.js';
import type {
  BillRow,
  BillView,
  ContactRow,
  CustomerKey,
  CustomerRow,
  LeadRow,
  OrderRow,
  PlanRow,
  ProductRow,
  SettlementRow,
  TicketRow,
} from './rows.js';

export function prepareQueries(db: SandboxDatabase) {
  return {
    // Each column read costs a string conversion; the hot paths read only what they use.
    customerKeyByDocument: db.prepare<[string], CustomerKey>(
      'SELECT id, document, name, person_type FROM customers WHERE document = ?',
    ),
    customerByDocument: db.prepare<[string], CustomerRow>('SELECT * FROM customers WHERE document = ?'),
    customerById: db.prepare<[number], CustomerRow>('SELECT * FROM customers WHERE id = ?'),
    openBills: db.prepare<[number], BillView>(
      'SELECT id, status, issued_on, due_on, amount_cents, discount_cents, description, paid_on FROM bills ' +
        "WHERE customer_id = ? AND status = 'open' ORDER BY due_on, id",
    ),
    billById: db.prepare<[number], BillRow>('SELECT * FROM bills WHERE id = ?'),
    billsByIssue: db.prepare<[number], BillRow>(
      'SELECT * FROM bills WHERE customer_id = ? ORDER BY issued_on DESC, id DESC',
    ),
    overdueBillsOfContract: db.prepare<[number, number, string], { n: number }>(
      "SELECT count(*) AS n FROM bills WHERE customer_id = ? AND contract_id = ? AND status = 'open' AND due_on < ?",
    ),
    markBillPaid: db.prepare<[string, number, number]>(
      "UPDATE bills SET status = 'paid', paid_on = ?, paid_cents = ? WHERE id = ? AND status = 'open'",
    ),
    plans: db.prepare<[number], PlanRow>(
      'SELECT c.*, p.name AS plan_name FROM contracts c JOIN products p ON p.code = c.product_code ' +
        'WHERE c.customer_id = ? ORDER BY c.id',
    ),
    planById: db.prepare<[number], PlanRow>(
      'SELECT c.*, p.name AS plan_name FROM contracts c JOIN products p ON p.code = c.product_code WHERE c.id = ?',
    ),
    recordUnlock: db.prepare<[string, string, number]>(
      'UPDATE contracts SET last_unlock_on = ?, unlocked_until = ? WHERE id = ?',
    ),
    setUnlockProtocol: db.prepare<[string, number]>('UPDATE trust_unlocks SET protocol = ? WHERE id = ?'),
    releaseFinancialBlock: db.prepare<[number]>(
      "UPDATE contracts SET status = 'active', block_reason = '', unlocked_until = NULL " +
        "WHERE id = ? AND status = 'blocked' AND block_reason = 'financial'",
    ),
    contacts: db.prepare<[number], Pick<ContactRow, 'type' | 'value'>>(
      'SELECT type, value FROM contacts WHERE customer_id = ? ORDER BY id',
    ),
    pendingNotes: db.prepare<[number], { text: string }>(
      'SELECT text FROM internal_notes WHERE customer_id = ? AND pending = 1 ORDER BY created_on, id',
    ),
    updateCustomer: db.prepare<[CustomerRow]>(
      'UPDATE customers SET email = @email, phone = @phone, phone_secondary = @phone_secondary, ' +
        'zip_code = @zip_code, street = @street, number = @number, complement = @complement, ' +
        'neighborhood = @neighborhood, city = @city, state = @state, ibge_code = @ibge_code, ' +
        'reference = @reference, updated_at = @updated_at WHERE id = @id',
    ),
    settlementByTransaction: db.prepare<[string], SettlementRow>(
      'SELECT * FROM settlements WHERE transaction_id = ?',
    ),
    setSettlementResponse: db.prepare<[string, number]>(
      'UPDATE settlements SET api_response = ? WHERE id = ?',
    ),
    ticketByRequest: db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE request_id = ?'),
    setTicketProtocol: db.prepare<[string, number]>('UPDATE tickets SET protocol = ? WHERE id = ?'),
    leadByKey: db.prepare<[string], LeadRow>('SELECT * FROM leads WHERE lead_key = ?'),
    orderByKey: db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE order_key = ?'),
    setOrderResult: db.prepare<[string, string | null, number]>(
      'UPDATE orders SET remote_id = ?, remote_message = ? WHERE id = ?',
    ),
    products: db.prepare<[], ProductRow>('SELECT * FROM products ORDER BY code'),
    productByCode: db.prepare<[string], ProductRow>('SELECT * FROM products WHERE code = ?'),
    dueDayByCode: db.prepare<[string], { code: string; day: number }>(
      'SELECT code, day FROM due_days WHERE code = ?',
    ),
    resellerByCode: db.prepare<[string], { code: string }>('SELECT code FROM resellers WHERE code = ?'),
    originByCode: db.prepare<[string], { code: string }>(
      'SELECT code FROM commercial_origins WHERE code = ?',
    ),
    resellers: db.prepare<[], { code: string; name: string; document: string; email: string }>(
      'SELECT code, name, document, email FROM resellers ORDER BY CAST(code AS INTEGER), code',
    ),
    dueDays: db.prepare<[], { code: string; day: number }>('SELECT code, day FROM due_days ORDER BY day'),
    origins: db.prepare<[], { code: string; description: string }>(
      'SELECT code, description FROM commercial_origins ORDER BY CAST(code AS INTEGER), code',
    ),
    counts: db.prepare<[], { customers: number; bills: number }>(
      'SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM bills) AS bills',
    ),
  };
}

export type Queries = ReturnType<typeof prepareQueries>;
