// The contract's objects (CONTRACT.md §3 and §4): the ones the platform passes in (Order, Lead,
// Transaction, ...), read and normalised, and the ones Ponte answers (Bill, Customer, Plan, ...),
// checked exactly: output objects are strict, so a field the contract does not list is an error.
import { z } from 'zod';
import { formatMoney } from '../brasil/money.js';
import {
  amountString,
  blankToUndefined,
  centsOfMoneyString,
  documentNumber,
  documentOutput,
  emailInput,
  ibgeCode,
  idInput,
  idOutput,
  isoDate,
  isoDateOrEmpty,
  isoDateTime,
  latitude,
  linhaDigitavel,
  longitude,
  moneyInput,
  optionalInput,
  phone,
  phoneOrEmpty,
  phoneOutput,
  pixCode,
  requiredText,
  text,
  ufInput,
  ufOutput,
  urlOrEmpty,
  zipCodeInput,
  zipCodeOutput,
} from './values.js';

// ================================================================ objects passed in

const addressFields = {
  zip_code: zipCodeInput,
  street: requiredText,
  number: requiredText,
  complement: optionalInput(text),
  neighborhood: requiredText,
  city: requiredText,
  state: ufInput,
  ibge_code: optionalInput(ibgeCode),
  reference: optionalInput(text),
  latitude: optionalInput(latitude),
  longitude: optionalInput(longitude),
};

export const addressInput = z.object(addressFields);

/** Any subset of an Address (a lead's address, the address part of a customer update). */
export const partialAddressInput = z.object({
  zip_code: optionalInput(zipCodeInput),
  street: optionalInput(requiredText),
  number: optionalInput(requiredText),
  complement: addressFields.complement,
  neighborhood: optionalInput(requiredText),
  city: optionalInput(requiredText),
  state: optionalInput(ufInput),
  ibge_code: addressFields.ibge_code,
  reference: addressFields.reference,
  latitude: addressFields.latitude,
  longitude: addressFields.longitude,
});

export const personType = z.enum(['F', 'J']).meta({ description: 'F: person (CPF), J: company (CNPJ).' });

const PERSON_TYPE_OF_LENGTH: Readonly<Record<number, 'F' | 'J'>> = { 11: 'F', 14: 'J' };

export const orderCustomerInput = z
  .object({
    name: requiredText,
    document_number: documentNumber,
    person_type: optionalInput(personType),
    birth_date: optionalInput(isoDate),
    email: optionalInput(emailInput),
    phone,
    phone_secondary: optionalInput(phone),
    rg: optionalInput(text),
    trade_name: optionalInput(text),
    state_registration: optionalInput(text),
  })
  .transform((customer, ctx) => {
    const derived = PERSON_TYPE_OF_LENGTH[customer.document_number.length] ?? 'F';
    if (customer.person_type !== undefined && customer.person_type !== derived) {
      ctx.addIssue({
        code: 'custom',
        message: `person_type ${customer.person_type} does not match a ${derived === 'F' ? 'CPF' : 'CNPJ'}`,
        path: ['person_type'],
        input: customer.person_type,
      });
      return z.NEVER;
    }
    return { ...customer, person_type: derived };
  });

export const orderItemInput = z.object({
  product_code: idInput,
  name: optionalInput(text),
  price: optionalInput(moneyInput),
  quantity: z.preprocess(blankToUndefined, z.number().int().min(1).default(1)),
});

export const orderPaymentMethod = z.enum(['boleto', 'pix', 'credit_card', 'debit_account']);

export const orderInput = z.object({
  id: idInput.meta({ description: "The platform's order id: the idempotency key of the order." }),
  created_at: optionalInput(isoDateTime),
  customer: orderCustomerInput,
  address: addressInput,
  installation_address: optionalInput(addressInput),
  items: z.array(orderItemInput).min(1, 'an order needs at least one item'),
  due_date_code: idInput,
  reseller_code: optionalInput(idInput),
  commercial_origin_code: optionalInput(idInput),
  payment_method: optionalInput(orderPaymentMethod),
  installation_fee: optionalInput(moneyInput),
  notes: optionalInput(text),
});

export const wdaUserInput = z.object({
  id: idInput,
  name: optionalInput(text),
  email: optionalInput(emailInput),
  phone: optionalInput(phone),
  document_number: optionalInput(documentNumber),
});

export const leadInput = z
  .object({
    id: idInput.meta({ description: "The platform's lead id: the idempotency key of the lead." }),
    name: requiredText,
    document_number: optionalInput(documentNumber),
    email: optionalInput(emailInput),
    phone: optionalInput(phone),
    address: optionalInput(partialAddressInput),
    product_code: optionalInput(idInput),
    commercial_origin_code: optionalInput(idInput),
    reseller_code: optionalInput(idInput),
    notes: optionalInput(text),
    created_at: optionalInput(isoDateTime),
  })
  .refine((lead) => lead.email !== undefined || lead.phone !== undefined, 'a lead needs an email or a phone');

export const transactionMethod = z.enum(['pix', 'credit_card', 'debit_card', 'tef', 'cash', 'boleto']);

export const transactionInput = z.object({
  id: idInput.meta({ description: 'Unique per payment: the idempotency key of the settlement.' }),
  method: optionalInput(transactionMethod),
  amount: moneyInput.refine((cents) => cents > 0, 'must be greater than zero'),
  paid_at: isoDateTime,
  end_to_end_id: optionalInput(text),
  txid: optionalInput(text),
  nsu: optionalInput(text),
  authorization_code: optionalInput(text),
  card_brand: optionalInput(text),
  installments: optionalInput(z.number().int().min(1)),
  fee: optionalInput(moneyInput),
});

export const customerChangesInput = z
  .object({
    email: optionalInput(emailInput),
    phone: optionalInput(phone),
    phone_secondary: optionalInput(phone),
    address: optionalInput(partialAddressInput),
  })
  .refine(
    (changes) =>
      changes.email !== undefined ||
      changes.phone !== undefined ||
      changes.phone_secondary !== undefined ||
      (changes.address !== undefined && Object.values(changes.address).some((v) => v !== undefined)),
    'changes must hold at least one of email, phone, phone_secondary or address',
  );

export type Address = z.output<typeof addressInput>;
export type PartialAddress = z.output<typeof partialAddressInput>;
export type Order = z.output<typeof orderInput>;
export type OrderItem = z.output<typeof orderItemInput>;
export type WdaUser = z.output<typeof wdaUserInput>;
export type Lead = z.output<typeof leadInput>;
export type Transaction = z.output<typeof transactionInput>;
export type CustomerChanges = z.output<typeof customerChangesInput>;

// ================================================================ the order echoed back (wda_order)

export const addressOutput = z.strictObject({
  zip_code: zipCodeOutput,
  street: z.string(),
  number: z.string(),
  complement: z.string().optional(),
  neighborhood: z.string(),
  city: z.string(),
  state: ufOutput,
  ibge_code: z.string().optional(),
  reference: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
});

export const wdaOrderOutput = z.strictObject({
  id: idOutput,
  created_at: z.string().optional(),
  customer: z.strictObject({
    name: z.string(),
    document_number: documentOutput,
    person_type: personType,
    birth_date: isoDate.optional(),
    email: z.string().optional(),
    phone: phoneOutput,
    phone_secondary: phoneOutput.optional(),
    rg: z.string().optional(),
    trade_name: z.string().optional(),
    state_registration: z.string().optional(),
  }),
  address: addressOutput,
  installation_address: addressOutput.optional(),
  items: z
    .array(
      z.strictObject({
        product_code: idOutput,
        name: z.string().optional(),
        price: amountString.optional(),
        quantity: z.number().int().min(1),
      }),
    )
    .min(1),
  due_date_code: idOutput,
  reseller_code: idOutput.optional(),
  commercial_origin_code: idOutput.optional(),
  payment_method: orderPaymentMethod.optional(),
  installation_fee: amountString.optional(),
  notes: z.string().optional(),
});

export type WdaOrder = z.output<typeof wdaOrderOutput>;

/** The normalised order as `wda_order` answers it: the same fields, with money back to strings. */
export function echoOrder(order: Order): WdaOrder {
  const { items, installation_fee, ...rest } = order;
  return {
    ...rest,
    items: items.map(({ price, ...item }) =>
      price === undefined ? item : { ...item, price: formatMoney(price) },
    ),
    ...(installation_fee === undefined ? {} : { installation_fee: formatMoney(installation_fee) }),
  };
}

// ================================================================ objects Ponte answers

export const billStatus = z.enum(['open', 'paid', 'cancelled']);

export const billSchema = z
  .strictObject({
    document_number: documentOutput.describe("The customer's CPF/CNPJ."),
    fatura: idOutput.describe('The bill id.'),
    nome_cliente: z.string(),
    valor_inicial: amountString.describe('The original amount.'),
    valor_final: amountString.describe('The amount due today: valor_inicial + juros + multa - desconto.'),
    juros: amountString.describe('Interest due today.'),
    multa: amountString.describe('Late fine due today.'),
    emissao: isoDateOrEmpty.describe('Issue date.'),
    vencimento: isoDate.describe('Due date.'),
    historico: z.string().describe('Plan id or name, billing period.'),
    link_boleto: urlOrEmpty.describe('URL of the boleto; "" when none (then call get_boleto_pdf).'),
    linha_digitavel: linhaDigitavel,
    code_fatura: z.string().describe("The bill's code in the ERP (document / nosso número)."),
    identifier: z.string().describe('Which Pix configuration to use when several exist; "" otherwise.'),
    remote_id: idOutput.describe('The boleto id, as get_boleto_pdf and settle_bill take it.'),
    pix_code: pixCode.describe('Pix copia e cola; "" to use the platform\'s configured Pix.'),
    desconto: amountString.optional().describe('Extension: discount applied today; absent means "0.00".'),
    status: billStatus.optional().describe('Extension.'),
  })
  .superRefine((bill, ctx) => {
    const expected =
      centsOfMoneyString(bill.valor_inicial) +
      centsOfMoneyString(bill.juros) +
      centsOfMoneyString(bill.multa) -
      centsOfMoneyString(bill.desconto ?? '0.00');
    if (centsOfMoneyString(bill.valor_final) !== expected) {
      ctx.addIssue({
        code: 'custom',
        message: `valor_final must be valor_inicial + juros + multa - desconto (${formatMoney(expected)})`,
        path: ['valor_final'],
        input: bill.valor_final,
      });
    }
  });

export const customerSchema = z.strictObject({
  nome_completo: z.string(),
  aniversario: isoDateOrEmpty,
  data_registro: isoDate,
  ativo: z.boolean(),
  id_remoto: idOutput.describe('The customer id in the ERP.'),
  rua_endereco: z.string(),
  numero_endereco: z.string(),
  cep_endereco: z.union([zipCodeOutput, z.literal('')]),
  cidade_endereco: z.string(),
  complemento_endereco: z.string(),
  bairro_endereco: z.string(),
  estado_endereco: z.union([ufOutput, z.literal('')]),
  email: z.string(),
  telefone: phoneOrEmpty,
});

export const contactSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('email'), value: z.string().min(1) }),
  z.strictObject({ type: z.literal('phone'), value: phoneOutput }),
]);

export const planStatus = z.enum(['active', 'blocked', 'suspended', 'pending', 'cancelled', 'inactive']);

const planFields = {
  contract_id: idOutput,
  plan_code: z.string(),
  plan_name: z.string(),
  status: planStatus,
  blocked: z.boolean(),
  block_reason: z.string().describe('"" when not blocked; "financial", "manual", ...'),
  value: amountString.describe('The monthly price.'),
  installation_address: z.string().describe('One line.'),
  trust_unlock_available: z.boolean().nullable().describe('null when the ERP does not say.'),
};

function planConsistency(
  plan: { status: string; blocked: boolean; block_reason: string },
  ctx: z.RefinementCtx,
) {
  if (plan.status === 'blocked' && !plan.blocked) {
    ctx.addIssue({
      code: 'custom',
      message: 'a plan with status blocked must have blocked: true',
      path: ['blocked'],
    });
  }
  if (!plan.blocked && plan.block_reason !== '') {
    ctx.addIssue({
      code: 'custom',
      message: 'block_reason must be "" when not blocked',
      path: ['block_reason'],
    });
  }
}

export const planSchema = z.strictObject(planFields).superRefine(planConsistency);
export const blockedPlanSchema = z
  .strictObject({ ...planFields, blocked: z.literal(true) })
  .superRefine(planConsistency);

export const invoiceSchema = z.strictObject({
  id_nota: idOutput,
  numero: z.string(),
  serie: z.string(),
  modelo: z
    .enum(['62', '21', '22', 'NFS-e'])
    .describe('62: NFCom; 21, 22: NF de comunicação/telecomunicação; NFS-e.'),
  status: z.enum(['authorized', 'cancelled']),
  valor: amountString,
  data_emissao: isoDate,
  chave_acesso: z.string().regex(/^(?:\d{44})?$/, 'expected "" or 44 digits'),
  url_nota_fiscal: urlOrEmpty,
});

export type Bill = z.output<typeof billSchema>;
export type Customer = z.output<typeof customerSchema>;
export type Contact = z.output<typeof contactSchema>;
export type Plan = z.output<typeof planSchema>;
export type Invoice = z.output<typeof invoiceSchema>;
