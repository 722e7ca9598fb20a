// The generator of seeded customers: each one gets a payment profile (pays on time, is a little
// late, is blocked for debt, cancelled...) and everything else follows from it, so that contracts,
// bills, notas fiscais and notes tell one consistent story. Dates are absolute, anchored on the
// seeding day; only the Random decides, so the same seed and day always give the same rows.
import { computeLateFees } from '../../brasil/late-fees.js';
import { addressLine } from './address.js';
import { DUE_DAYS, PRODUCTS } from './catalogue.js';
import type { Product } from './catalogue.js';
import { CITIES } from './names.js';
import { newAddress, newContacts, newCustomerRow } from './people.js';
import { billDescription, monthDay, shiftDays } from './periods.js';
import type { Random } from './random.js';
import type { GeneratorContext, PaymentProfile } from './generator-context.js';
import type {
  BillRow,
  BlockReason,
  ContactRow,
  ContractRow,
  ContractStatus,
  CustomerRow,
  InternalNoteRow,
  SettlementRow,
  TicketRow,
  TrustUnlockRow,
} from './rows.js';

// Cumulative shares of each profile among seeded customers.
const PROFILE_SHARES: readonly [PaymentProfile, number][] = [
  ['punctual', 0.6],
  ['late', 0.72],
  ['defaulter', 0.83],
  ['manual_block', 0.85],
  ['suspended', 0.87],
  ['cancelled', 0.94],
  ['inactive', 0.96],
  ['pending', 0.98],
  ['new', 1],
];

const CONTRACT_STATE: Readonly<Record<PaymentProfile, { status: ContractStatus; reason: BlockReason }>> = {
  punctual: { status: 'active', reason: '' },
  late: { status: 'active', reason: '' },
  defaulter: { status: 'blocked', reason: 'financial' },
  manual_block: { status: 'blocked', reason: 'manual' },
  suspended: { status: 'suspended', reason: '' },
  cancelled: { status: 'cancelled', reason: '' },
  inactive: { status: 'inactive', reason: '' },
  pending: { status: 'pending', reason: '' },
  new: { status: 'active', reason: '' },
};

const NOTE_TEXTS = [
  'Equipamento (ONU) em comodato não devolvido após cancelamento anterior.',
  'Acordo de parcelamento em andamento: não aplicar multa sem falar com o financeiro.',
  'Contestação de cobrança em análise pelo financeiro.',
  'Cliente relatou quedas frequentes; visita técnica pendente antes de qualquer upgrade.',
  'Não realizar nova venda: débito em aberto em contrato anterior.',
  'Cliente solicitou troca de titularidade; aguardando documentos.',
  'Endereço de instalação sem viabilidade de fibra; somente rádio.',
  'Cliente pediu para não receber ligações de cobrança; contato apenas por e-mail.',
];

const TICKET_SUBJECTS = [
  ['Sem conexão', 'Cliente informa que está sem internet desde ontem à noite.'],
  ['Lentidão', 'Velocidade abaixo do contratado no período da noite.'],
  ['Segunda via de boleto', 'Cliente pediu a segunda via da fatura do mês.'],
  ['Troca de senha do Wi-Fi', 'Cliente solicitou ajuda para trocar a senha da rede.'],
  ['Mudança de endereço', 'Cliente vai mudar de endereço e quer transferir o serviço.'],
] as const;

export interface GeneratedCustomer {
  customer: CustomerRow;
  contacts: ContactRow[];
  contracts: ContractRow[];
  bills: BillRow[];
  notes: InternalNoteRow[];
  tickets: TicketRow[];
  settlements: SettlementRow[];
  trustUnlocks: TrustUnlockRow[];
}

const BUSINESS_PRODUCTS = PRODUCTS.filter((p) => p.business);
const HOME_PRODUCTS = PRODUCTS.filter((p) => !p.business);

function pickProfile(random: Random): PaymentProfile {
  const r = random.next();
  for (const [profile, upTo] of PROFILE_SHARES) if (r < upTo) return profile;
  return 'punctual';
}

function pickProduct(random: Random, customer: CustomerRow): Product {
  return customer.person_type === 'J' && random.chance(0.7)
    ? random.pick(BUSINESS_PRODUCTS)
    : random.pick(HOME_PRODUCTS);
}

function lateFeeTotal(amountCents: number, dueOn: string, paidOn: string, consumer: boolean): number {
  return computeLateFees({ amountCents, dueDate: dueOn, paymentDate: paidOn, consumer }).totalCents;
}

interface ContractPlan {
  row: ContractRow;
  product: Product;
  profile: PaymentProfile;
  /** Bills exist only for due dates in [firstDue, lastDue]. */
  lastDue: string | null;
}

function newContract(
  ctx: GeneratorContext,
  customer: CustomerRow,
  profile: PaymentProfile,
  sameAddress: boolean,
): ContractPlan {
  const { random, today } = ctx;
  const product = pickProduct(random, customer);
  const state = CONTRACT_STATE[profile];
  const address = sameAddress ? customer : newAddress(random, random.pick(CITIES));
  let lastUnlockOn: string | null = null;
  let unlockedUntil: string | null = null;
  if (profile === 'defaulter') {
    const roll = random.next();
    const daysAgo =
      roll < 0.35 ? random.int(ctx.trustUnlockDays + 1, 25) : roll < 0.5 ? random.int(40, 200) : null;
    if (daysAgo !== null) {
      lastUnlockOn = shiftDays(today, -daysAgo);
      unlockedUntil = shiftDays(lastUnlockOn, ctx.trustUnlockDays);
    }
  }
  const ended = profile === 'cancelled' || profile === 'inactive' || profile === 'suspended';
  return {
    row: {
      id: ctx.ids.contract++,
      customer_id: customer.id,
      product_code: product.code,
      status: state.status,
      block_reason: state.reason,
      value_cents: product.priceCents,
      due_day: random.pick(DUE_DAYS).day,
      started_on: customer.registered_on,
      installation_address: addressLine(address),
      last_unlock_on: lastUnlockOn,
      unlocked_until: unlockedUntil,
    },
    product,
    profile,
    lastDue: ended ? shiftDays(today, -random.int(25, 120)) : null,
  };
}

/** Monthly bills from three months back to the next one already issued (15 days before its due date). */
function newBills(ctx: GeneratorContext, customer: CustomerRow, plan: ContractPlan): BillRow[] {
  const { random, today } = ctx;
  const { row: contract, profile } = plan;
  if (contract.status === 'pending') return [];
  const firstDue = shiftDays(contract.started_on, 20);
  const dues: string[] = [];
  for (let m = -3; m <= 1; m++) {
    const due = monthDay(today, m, contract.due_day);
    if (due < firstDue || shiftDays(due, -15) > today) continue;
    if (plan.lastDue !== null && due > plan.lastDue) continue;
    dues.push(due);
  }
  const past = dues.filter((d) => d < today).length;
  const overdueCount =
    profile === 'late' ? Math.min(1, past) : profile === 'defaulter' ? Math.min(random.int(2, 3), past) : 0;
  const consumer = customer.person_type === 'F';
  return dues.map((due, i): BillRow => {
    const id = ctx.ids.bill++;
    const isPast = due < today;
    const overdue = isPast && i >= past - overdueCount;
    let status: BillRow['status'] = isPast && !overdue ? 'paid' : 'open';
    if (profile === 'cancelled' && i === dues.length - 1 && random.chance(0.3)) status = 'cancelled';
    let amount = plan.product.priceCents;
    let description = billDescription(plan.product.name, due);
    if (i === 0 && random.chance(0.3)) {
      amount += 10_000;
      description += ' + taxa de instalação';
    }
    let paidOn: string | null = null;
    let paidCents: number | null = null;
    if (status === 'paid') {
      const late = random.chance(0.15);
      paidOn = late ? shiftDays(due, random.int(1, 12)) : shiftDays(due, -random.int(0, 6));
      if (paidOn > today) paidOn = today;
      paidCents = late ? lateFeeTotal(amount, due, paidOn, consumer) : amount - plan.product.discountCents;
    }
    return {
      id,
      customer_id: customer.id,
      contract_id: contract.id,
      status,
      issued_on: shiftDays(due, -15),
      due_on: due,
      amount_cents: amount,
      discount_cents: plan.product.discountCents,
      description,
      paid_on: paidOn,
      paid_cents: paidCents,
    };
  });
}

function seededSettlement(ctx: GeneratorContext, bill: BillRow): SettlementRow {
  const id = ctx.ids.settlement++;
  const time = `${String(ctx.random.int(8, 21)).padStart(2, '0')}:${String(ctx.random.int(0, 59)).padStart(2, '0')}`;
  const paidAt = `${bill.paid_on}T${time}:00-03:00`;
  return {
    id,
    transaction_id: `seed-${ctx.random.digits(6)}-${bill.id}`,
    customer_id: bill.customer_id,
    bill_id: bill.id,
    method: ctx.random.pick(['pix', 'pix', 'credit_card', 'debit_card']),
    amount_cents: bill.paid_cents ?? bill.amount_cents,
    paid_at: paidAt,
    status: 'settled',
    api_response: JSON.stringify({
      type: 'success',
      message: 'Baixa efetuada com sucesso',
      id_baixa: String(id),
    }),
    created_at: paidAt,
  };
}

export function generateCustomer(ctx: GeneratorContext): GeneratedCustomer {
  const { random, today } = ctx;
  const profile = pickProfile(random);
  const customer = newCustomerRow(ctx, profile);
  const contractCount = random.chance(0.84) ? 1 : random.chance(0.85) ? 2 : 3;
  const plans: ContractPlan[] = [];
  for (let i = 0; i < contractCount; i++) {
    // A second contract shares the customer's story when it is about debt; otherwise it is a plain active one.
    const own: PaymentProfile =
      i === 0 || profile === 'defaulter' || profile === 'cancelled' || profile === 'inactive'
        ? profile
        : 'punctual';
    plans.push(newContract(ctx, customer, own, i === 0 || random.chance(0.5)));
  }
  const bills = plans.flatMap((plan) => newBills(ctx, customer, plan));
  const settlements = bills
    .filter((b) => b.status === 'paid' && random.chance(0.1))
    .map((b) => seededSettlement(ctx, b));

  const trustUnlocks: TrustUnlockRow[] = plans
    .filter((p) => p.row.last_unlock_on !== null)
    .map((p) => {
      const id = ctx.ids.trustUnlock++;
      const on = p.row.last_unlock_on!;
      return {
        id,
        customer_id: customer.id,
        contract_id: p.row.id,
        unlocked_on: on,
        unlocked_until: p.row.unlocked_until!,
        protocol: `${on.replace(/-/g, '')}${String(id).padStart(6, '0')}`,
      };
    });

  const notes: InternalNoteRow[] = [];
  if (random.chance(profile === 'defaulter' || profile === 'cancelled' ? 0.2 : 0.05)) {
    const count = random.int(1, 2);
    for (let i = 0; i < count; i++) {
      notes.push({
        id: ctx.ids.note++,
        customer_id: customer.id,
        text: random.pick(NOTE_TEXTS),
        pending: random.chance(0.7) ? 1 : 0,
        created_on: shiftDays(today, -random.int(1, 300)),
      });
    }
  }

  const tickets: TicketRow[] = [];
  if (random.chance(0.08)) {
    const id = ctx.ids.ticket++;
    const [subject, message] = random.pick(TICKET_SUBJECTS);
    const day = shiftDays(today, -random.int(1, 200));
    tickets.push({
      id,
      customer_id: customer.id,
      contract_id: plans[0]!.row.id,
      request_id: null,
      subject,
      message,
      contact_name: customer.name,
      contact_phone: customer.phone,
      protocol: `${day.replace(/-/g, '')}${String(id).padStart(6, '0')}`,
      status: random.chance(0.85) ? 'closed' : 'open',
      created_at: `${day}T10:00:00-03:00`,
    });
  }

  return {
    customer,
    contacts: newContacts(ctx, customer),
    contracts: plans.map((p) => p.row),
    bills,
    notes,
    tickets,
    settlements,
    trustUnlocks,
  };
}
