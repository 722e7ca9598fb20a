// The fixed test customers: a documented set, like a payment provider's test cards, present in every
// sandbox dataset whatever its seed. Their dates are offsets from "today" (Brazil): the rows are
// deleted and re-created whenever the day they were written for is not the current one, so "due
// today" is always today, and whatever a test did to them (settled a bill, used an unlock) is undone
// the next day. Their ids are below FIRST_GENERATED_ID and never change.
import { addDays } from '../../brasil/dates.js';
import { productByCode } from './catalogue.js';
import type { Inserts, SandboxDatabase } from './db.js';
import { addressLine } from './address.js';
import { billDescription } from './periods.js';
import type { BillStatus, BlockReason, ContractStatus, CustomerRow } from './rows.js';
import { FIRST_GENERATED_ID } from './schema.js';

type FixtureAddress = Pick<
  CustomerRow,
  'zip_code' | 'street' | 'number' | 'complement' | 'neighborhood' | 'city' | 'state' | 'ibge_code'
>;

export interface FixtureContract {
  id: number;
  product: string;
  status: ContractStatus;
  blockReason: BlockReason;
  startedOffset: number;
  /** Day (offset from today) of the last trust unlock, when there was one. */
  lastUnlockOffset?: number;
  address?: FixtureAddress;
}

export interface FixtureBill {
  id: number;
  contract: number;
  dueOffset: number;
  status: BillStatus;
}

export interface FixtureCustomer {
  id: number;
  /** Short stable name of the scenario, for tests: `fixture('due-today')`. */
  key: string;
  document_number: string;
  name: string;
  tradeName?: string;
  scenario: string;
  email: string;
  phone: string;
  phoneSecondary?: string;
  address: FixtureAddress;
  active: boolean;
  contracts: FixtureContract[];
  bills: FixtureBill[];
  notes?: { text: string; pending: boolean; createdOffset: number }[];
  contacts?: { type: 'email' | 'phone'; value: string; label: string }[];
}

const SP: Omit<FixtureAddress, 'street' | 'number' | 'complement' | 'neighborhood' | 'zip_code'> = {
  city: 'São Paulo',
  state: 'SP',
  ibge_code: '3550308',
};

function addr(
  street: string,
  number: string,
  neighborhood: string,
  zip: string,
  complement = '',
): FixtureAddress {
  return { ...SP, street, number, complement, neighborhood, zip_code: zip };
}

export const fixtureCustomers: readonly FixtureCustomer[] = [
  {
    id: 1,
    key: 'no-bills',
    document_number: '39053344705',
    name: 'Helena Duarte Vasconcelos',
    scenario: 'New customer waiting for installation (contract 101 pending): no bills and no notas fiscais.',
    email: 'helena.vasconcelos@gmail.com',
    phone: '11991234501',
    address: addr('Rua das Flores', '120', 'Vila Nova', '04101001'),
    active: true,
    contracts: [{ id: 101, product: '12', status: 'pending', blockReason: '', startedOffset: -3 }],
    bills: [],
  },
  {
    id: 2,
    key: 'overdue-bills',
    document_number: '26184703544',
    name: 'Roberto Carlos Nogueira',
    scenario:
      'Three overdue bills (202, 203, 204: 68, 38 and 8 days late) and an older paid one (201); ' +
      'contract 102 blocked for debt, trust unlock available.',
    email: 'roberto.nogueira@hotmail.com',
    phone: '11991234502',
    address: addr('Avenida Sete de Setembro', '845', 'Centro', '04102002', 'Apto 32'),
    active: true,
    contracts: [{ id: 102, product: '12', status: 'blocked', blockReason: 'financial', startedOffset: -400 }],
    bills: [
      { id: 201, contract: 102, dueOffset: -98, status: 'paid' },
      { id: 202, contract: 102, dueOffset: -68, status: 'open' },
      { id: 203, contract: 102, dueOffset: -38, status: 'open' },
      { id: 204, contract: 102, dueOffset: -8, status: 'open' },
    ],
  },
  {
    id: 3,
    key: 'due-today',
    document_number: '70431855218',
    name: 'Marina Albuquerque Rocha',
    scenario: 'Bill 207 is due today (no charges yet); bills 205 and 206 were paid.',
    email: 'marina.rocha@outlook.com',
    phone: '11991234503',
    address: addr('Rua Tiradentes', '77', 'Jardim América', '04103003'),
    active: true,
    contracts: [{ id: 103, product: '11', status: 'active', blockReason: '', startedOffset: -200 }],
    bills: [
      { id: 205, contract: 103, dueOffset: -60, status: 'paid' },
      { id: 206, contract: 103, dueOffset: -30, status: 'paid' },
      { id: 207, contract: 103, dueOffset: 0, status: 'open' },
    ],
  },
  {
    id: 4,
    key: 'paid-up',
    document_number: '81526093740',
    name: 'Thiago Henrique Barros',
    scenario:
      'Paid up: bills 208 and 209 paid (settling 209 again answers already_settled); bill 210 open, due in 10 days.',
    email: 'thiago.barros@gmail.com',
    phone: '11991234504',
    address: addr('Rua Santos Dumont', '1500', 'Boa Vista', '04104004'),
    active: true,
    contracts: [{ id: 104, product: '14', status: 'active', blockReason: '', startedOffset: -300 }],
    bills: [
      { id: 208, contract: 104, dueOffset: -50, status: 'paid' },
      { id: 209, contract: 104, dueOffset: -20, status: 'paid' },
      { id: 210, contract: 104, dueOffset: 10, status: 'open' },
    ],
  },
  {
    id: 5,
    key: 'trust-unlockable',
    document_number: '47392016822',
    name: 'Patrícia Lemos Carvalho',
    scenario:
      'Contract 105 blocked for debt (bill 212, 20 days late) and never trust-unlocked: the unlock succeeds.',
    email: 'patricia.carvalho@yahoo.com.br',
    phone: '11991234505',
    address: addr('Rua Castro Alves', '310', 'Santa Cruz', '04105005', 'Casa 2'),
    active: true,
    contracts: [{ id: 105, product: '12', status: 'blocked', blockReason: 'financial', startedOffset: -250 }],
    bills: [
      { id: 211, contract: 105, dueOffset: -50, status: 'paid' },
      { id: 212, contract: 105, dueOffset: -20, status: 'open' },
    ],
  },
  {
    id: 6,
    key: 'trust-unlock-used',
    document_number: '62815470390',
    name: 'Eduardo Martins Peixoto',
    scenario:
      'Contract 106 blocked for debt (bills 213 and 214); its trust unlock was used 10 days ago: a new one is refused.',
    email: 'eduardo.peixoto@uol.com.br',
    phone: '11991234506',
    address: addr('Rua Rui Barbosa', '58', 'Industrial', '04106006'),
    active: true,
    contracts: [
      {
        id: 106,
        product: '13',
        status: 'blocked',
        blockReason: 'financial',
        startedOffset: -180,
        lastUnlockOffset: -10,
      },
    ],
    bills: [
      { id: 213, contract: 106, dueOffset: -40, status: 'open' },
      { id: 214, contract: 106, dueOffset: -10, status: 'open' },
    ],
  },
  {
    id: 7,
    key: 'cancelled-contract',
    document_number: '53071629443',
    name: 'Sebastião Ferreira Lima',
    scenario:
      'Contract 107 cancelled, customer inactive; bills 215 and 216 paid, bill 217 cancelled with its nota fiscal.',
    email: 'sebastiao.lima@bol.com.br',
    phone: '11991234507',
    address: addr('Travessa Dom Pedro II', '12', 'Vila Operária', '04107007'),
    active: false,
    contracts: [{ id: 107, product: '11', status: 'cancelled', blockReason: '', startedOffset: -500 }],
    bills: [
      { id: 215, contract: 107, dueOffset: -95, status: 'paid' },
      { id: 216, contract: 107, dueOffset: -65, status: 'paid' },
      { id: 217, contract: 107, dueOffset: -35, status: 'cancelled' },
    ],
  },
  {
    id: 8,
    key: 'alphanumeric-cnpj',
    document_number: '5KQ7XR2B000109',
    name: 'Padaria Estrela Nova Ltda',
    tradeName: 'Padaria Estrela Nova',
    scenario:
      'Company with an alphanumeric CNPJ (5K.Q7X.R2B/0001-09); business plan 108, bill 219 open in 5 days.',
    email: 'financeiro@padariaestrelanova.com.br',
    phone: '11991234508',
    phoneSecondary: '1132104508',
    address: addr('Avenida Paraná', '2010', 'Centro', '04108008', 'Loja 1'),
    active: true,
    contracts: [{ id: 108, product: '21', status: 'active', blockReason: '', startedOffset: -90 }],
    bills: [
      { id: 218, contract: 108, dueOffset: -25, status: 'paid' },
      { id: 219, contract: 108, dueOffset: 5, status: 'open' },
    ],
  },
  {
    id: 9,
    key: 'internal-notes',
    document_number: '94638251773',
    name: 'Luciana Prado Teixeira',
    scenario: 'Two pending internal notes (and one resolved, not returned); bill 220 open in 12 days.',
    email: 'luciana.teixeira@gmail.com',
    phone: '11991234509',
    address: addr('Rua Machado de Assis', '403', 'Jardim Europa', '04109009'),
    active: true,
    contracts: [{ id: 109, product: '12', status: 'active', blockReason: '', startedOffset: -150 }],
    bills: [{ id: 220, contract: 109, dueOffset: 12, status: 'open' }],
    notes: [
      {
        text: 'Solicitou mudança de vencimento para o dia 10 (já atendido).',
        pending: false,
        createdOffset: -90,
      },
      {
        text: 'Acordo de parcelamento ativo: não aplicar multa na próxima fatura sem falar com o financeiro.',
        pending: true,
        createdOffset: -20,
      },
      {
        text: 'Equipamento (ONU) em comodato com defeito; troca agendada.',
        pending: true,
        createdOffset: -5,
      },
    ],
  },
  {
    id: 10,
    key: 'two-blocked-contracts',
    document_number: '31720586977',
    name: 'Fernando Augusto Ribeiro',
    scenario:
      'Two contracts blocked for debt (110 and 111, bills 221 and 222): trust_unlock must name contract_id.',
    email: 'fernando.ribeiro@gmail.com',
    phone: '11991234510',
    address: addr('Rua Getúlio Vargas', '990', 'Parque das Nações', '04110010'),
    active: true,
    contracts: [
      { id: 110, product: '12', status: 'blocked', blockReason: 'financial', startedOffset: -365 },
      {
        id: 111,
        product: '16',
        status: 'blocked',
        blockReason: 'financial',
        startedOffset: -200,
        address: addr(
          'Estrada da Liberdade',
          'S/N',
          'Residencial Monte Verde',
          '04110999',
          'Sítio Boa Vista',
        ),
      },
    ],
    bills: [
      { id: 221, contract: 110, dueOffset: -25, status: 'open' },
      { id: 222, contract: 111, dueOffset: -25, status: 'open' },
    ],
  },
  {
    id: 11,
    key: 'payment-rejected',
    document_number: '85264173044',
    name: 'Camila Torres Azevedo',
    scenario:
      'Bill 223 was cancelled (settling it is rejected); bill 224, its replacement, is open in 3 days.',
    email: 'camila.azevedo@gmail.com',
    phone: '11991234511',
    address: addr('Alameda das Acácias', '66', 'Jardim Botânico', '04111011'),
    active: true,
    contracts: [{ id: 112, product: '12', status: 'active', blockReason: '', startedOffset: -120 }],
    bills: [
      { id: 223, contract: 112, dueOffset: 3, status: 'cancelled' },
      { id: 224, contract: 112, dueOffset: 3, status: 'open' },
    ],
  },
  {
    id: 12,
    key: 'every-plan-status',
    document_number: '16947302803',
    name: 'Gustavo Henrique Moura',
    scenario:
      'One contract in each status: 113 active, 114 blocked (manual: no trust unlock), 115 suspended, ' +
      '116 pending, 117 cancelled, 118 inactive; bill 226 paid, bill 225 open in 15 days.',
    email: 'gustavo.moura@gmail.com',
    phone: '11991234512',
    address: addr('Rua Monteiro Lobato', '250', 'Planalto', '04112012'),
    active: true,
    contracts: [
      { id: 113, product: '14', status: 'active', blockReason: '', startedOffset: -700 },
      { id: 114, product: '11', status: 'blocked', blockReason: 'manual', startedOffset: -600 },
      { id: 115, product: '12', status: 'suspended', blockReason: '', startedOffset: -500 },
      { id: 116, product: '13', status: 'pending', blockReason: '', startedOffset: -2 },
      { id: 117, product: '11', status: 'cancelled', blockReason: '', startedOffset: -900 },
      { id: 118, product: '16', status: 'inactive', blockReason: '', startedOffset: -800 },
    ],
    bills: [
      { id: 225, contract: 113, dueOffset: 15, status: 'open' },
      { id: 226, contract: 113, dueOffset: -15, status: 'paid' },
    ],
  },
  {
    id: 13,
    key: 'duplicate-contacts',
    document_number: '58402719341',
    name: 'Carla Mendes Siqueira',
    scenario:
      'Contacts recorded several times in different forms; get_customer_contacts answers each once: ' +
      'carla.mendes@gmail.com, 11987654321, 1133224455, carla@mendesdesign.com.br.',
    email: 'carla.mendes@gmail.com',
    phone: '11987654321',
    phoneSecondary: '1133224455',
    address: addr('Rua Cecília Meireles', '18', 'Bela Vista', '04113013', 'Bloco C Apto 14'),
    active: true,
    contracts: [{ id: 119, product: '12', status: 'active', blockReason: '', startedOffset: -240 }],
    bills: [{ id: 227, contract: 119, dueOffset: 8, status: 'open' }],
    contacts: [
      { type: 'email', value: ' Carla.Mendes@Gmail.com', label: 'cobrança' },
      { type: 'phone', value: '(11) 98765-4321', label: 'celular' },
      { type: 'phone', value: '+55 11 98765-4321', label: 'whatsapp' },
      { type: 'email', value: 'carla@mendesdesign.com.br', label: 'trabalho' },
      { type: 'phone', value: '11 3322-4455', label: 'residencial' },
    ],
  },
  {
    id: 14,
    key: 'punctuality-discount',
    document_number: '36281754000104',
    name: 'Contabilidade Horizonte Ltda',
    tradeName: 'Contabilidade Horizonte',
    scenario:
      'Plan with a punctuality discount of 20.00: bill 229 (due in 7 days) has desconto 20.00; ' +
      'bill 230 (12 days late) lost it and has fine and interest instead.',
    email: 'contato@contabilidadehorizonte.com.br',
    phone: '11991234514',
    address: addr('Avenida Presidente Vargas', '3000', 'Centro', '04114014', 'Sala 3'),
    active: true,
    contracts: [{ id: 120, product: '15', status: 'active', blockReason: '', startedOffset: -330 }],
    bills: [
      { id: 228, contract: 120, dueOffset: -42, status: 'paid' },
      { id: 230, contract: 120, dueOffset: -12, status: 'open' },
      { id: 229, contract: 120, dueOffset: 7, status: 'open' },
    ],
  },
];

/** The fixed test customers, as integrators read them in the docs: document, name, what each is for. */
export const testCustomers: readonly {
  key: string;
  document_number: string;
  name: string;
  scenario: string;
  contract_ids: string[];
  bill_ids: string[];
}[] = fixtureCustomers.map((c) => ({
  key: c.key,
  document_number: c.document_number,
  name: c.name,
  scenario: c.scenario,
  contract_ids: c.contracts.map((k) => String(k.id)),
  bill_ids: c.bills.map((b) => String(b.id)),
}));

export function fixture(key: string): FixtureCustomer {
  const found = fixtureCustomers.find((c) => c.key === key);
  if (!found) throw new RangeError(`no fixed test customer "${key}"`);
  return found;
}

const CUSTOMER_TABLES = [
  'contacts',
  'contracts',
  'bills',
  'internal_notes',
  'tickets',
  'settlements',
  'trust_unlocks',
] as const;

/**
 * Deletes every row of the fixed test customers (including what the API created for them) and
 * writes them afresh for `today`. Runs inside the caller's transaction.
 */
export function installFixtures(db: SandboxDatabase, inserts: Inserts, today: string): void {
  for (const table of CUSTOMER_TABLES) {
    db.prepare(`DELETE FROM ${table} WHERE customer_id < ${FIRST_GENERATED_ID}`).run();
  }
  db.prepare(`DELETE FROM customers WHERE id < ${FIRST_GENERATED_ID}`).run();
  const day = (offset: number) => addDays(today, offset);
  for (const c of fixtureCustomers) {
    const registeredOn = day(Math.min(...c.contracts.map((k) => k.startedOffset)) - 5);
    inserts.customer({
      id: c.id,
      document: c.document_number,
      person_type: c.document_number.length === 11 ? 'F' : 'J',
      name: c.name,
      trade_name: c.tradeName ?? '',
      birth_date: c.document_number.length === 11 ? day(-(30 * 365 + c.id * 400)) : '',
      registered_on: registeredOn,
      active: c.active ? 1 : 0,
      email: c.email,
      phone: c.phone,
      phone_secondary: c.phoneSecondary ?? '',
      ...c.address,
      reference: '',
      reseller_code: '',
      origin_code: '1',
      updated_at: `${today}T08:00:00-03:00`,
    });
    for (const k of c.contracts) {
      const product = productByCode(k.product)!;
      const lastDue = c.bills
        .filter((b) => b.contract === k.id)
        .map((b) => day(b.dueOffset))
        .sort()
        .pop();
      const unlockedOn = k.lastUnlockOffset === undefined ? null : day(k.lastUnlockOffset);
      inserts.contract({
        id: k.id,
        customer_id: c.id,
        product_code: k.product,
        status: k.status,
        block_reason: k.blockReason,
        value_cents: product.priceCents,
        due_day: lastDue === undefined ? 10 : Number(lastDue.slice(8, 10)),
        started_on: day(k.startedOffset),
        installation_address: addressLine(k.address ?? c.address),
        last_unlock_on: unlockedOn,
        unlocked_until: unlockedOn === null ? null : addDays(unlockedOn, 3),
      });
      if (unlockedOn !== null) {
        inserts.trustUnlock({
          id: k.id,
          customer_id: c.id,
          contract_id: k.id,
          unlocked_on: unlockedOn,
          unlocked_until: addDays(unlockedOn, 3),
          protocol: `${unlockedOn.replace(/-/g, '')}${String(k.id).padStart(6, '0')}`,
        });
      }
    }
    for (const b of c.bills) {
      const contract = c.contracts.find((k) => k.id === b.contract)!;
      const product = productByCode(contract.product)!;
      const dueOn = day(b.dueOffset);
      const paidOn = b.status === 'paid' ? day(b.dueOffset - 2) : null;
      inserts.bill({
        id: b.id,
        customer_id: c.id,
        contract_id: b.contract,
        status: b.status,
        issued_on: day(b.dueOffset - 15),
        due_on: dueOn,
        amount_cents: product.priceCents,
        discount_cents: product.discountCents,
        description: billDescription(product.name, dueOn),
        paid_on: paidOn,
        paid_cents: paidOn === null ? null : product.priceCents - product.discountCents,
      });
    }
    // Notes and contacts take ids from a block of 20 per customer, inside the reserved range.
    (c.notes ?? []).forEach((n, i) => {
      const note = { text: n.text, pending: n.pending ? 1 : 0, created_on: day(n.createdOffset) };
      inserts.note({ id: c.id * 20 + i, customer_id: c.id, ...note });
    });
    (c.contacts ?? []).forEach((contact, i) => {
      inserts.contact({ id: c.id * 20 + i, customer_id: c.id, ...contact });
    });
  }
}
