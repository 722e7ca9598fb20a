// Who the seeded customers are: a valid CPF or CNPJ (one company in ten with the alphanumeric CNPJ),
// a pt-BR name, an address in a real city with its CEP range and area code, and the contact rows
// ERPs accumulate (the same e-mail in other case, the same phone masked).
import { cnpjCheckDigits, cpfCheckDigits } from '../../brasil/document.js';
import { foldAscii } from '../../brasil/text.js';
import { COMMERCIAL_ORIGINS, RESELLERS } from './catalogue.js';
import type { GeneratorContext, PaymentProfile } from './generator-context.js';
import {
  CITIES,
  COMPANY_SUFFIXES,
  COMPANY_TRAITS,
  COMPANY_WORDS,
  COMPLEMENTS,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  NEIGHBORHOODS,
  STREET_NAMES,
  STREET_TYPES,
  SURNAMES,
} from './names.js';
import type { City } from './names.js';
import { shiftDays } from './periods.js';
import type { Random } from './random.js';
import type { ContactRow, CustomerRow } from './rows.js';

const REFERENCES = [
  'Próximo ao mercado',
  'Em frente à praça',
  'Portão azul',
  'Ao lado da igreja',
  'Esquina com a padaria',
];

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function newDocument(ctx: GeneratorContext, personType: 'F' | 'J'): string {
  const { random } = ctx;
  for (;;) {
    let document: string;
    if (personType === 'F') {
      const base = random.digits(9);
      if (/^(\d)\1{8}$/.test(base)) continue;
      document = base + cpfCheckDigits(base);
    } else {
      let root = random.digits(8);
      // One company in ten has the alphanumeric CNPJ of registrations from July 2026 on.
      if (random.chance(0.1)) {
        root = Array.from({ length: 8 }, () => random.pick([...ALPHANUMERIC])).join('');
        if (!/[A-Z]/.test(root)) root = `${random.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ'])}${root.slice(1)}`;
      }
      const base = root + (random.chance(0.9) ? '0001' : '0002');
      if (/^(.)\1{11}$/.test(base)) continue;
      document = base + cnpjCheckDigits(base);
    }
    if (!ctx.documents.has(document)) {
      ctx.documents.add(document);
      return document;
    }
  }
}

function emailLocal(text: string): string {
  return foldAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

function mobile(random: Random, ddd: string): string {
  return `${ddd}9${random.int(6, 9)}${random.digits(7)}`;
}

type Address = Pick<
  CustomerRow,
  'zip_code' | 'street' | 'number' | 'complement' | 'neighborhood' | 'city' | 'state' | 'ibge_code'
>;

export function newAddress(random: Random, city: City): Address {
  return {
    zip_code: city.zipPrefix + random.digits(8 - city.zipPrefix.length),
    street: `${random.pick(STREET_TYPES)} ${random.pick(STREET_NAMES)}`,
    number: random.chance(0.02) ? 'S/N' : String(random.int(1, 2999)),
    complement: random.chance(0.25) ? random.pick(COMPLEMENTS) : '',
    neighborhood: random.pick(NEIGHBORHOODS),
    city: city.name,
    state: city.state,
    ibge_code: city.ibge,
  };
}

export function newCustomerRow(ctx: GeneratorContext, profile: PaymentProfile): CustomerRow {
  const { random, today } = ctx;
  const personType = random.chance(0.85) ? 'F' : 'J';
  const document = newDocument(ctx, personType);
  const city = random.pick(CITIES);
  const address = newAddress(random, city);
  let name: string;
  let tradeName = '';
  let email = '';
  let birthDate = '';
  if (personType === 'F') {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(SURNAMES);
    name = `${first} ${random.pick(SURNAMES)} ${last}`;
    birthDate = shiftDays(today, -random.int(18 * 365, 80 * 365));
    if (random.chance(0.93)) {
      const suffix = random.chance(0.6) ? String(random.int(1, 99)) : '';
      email = `${emailLocal(first)}.${emailLocal(last)}${suffix}@${random.pick(EMAIL_DOMAINS)}`;
    }
  } else {
    tradeName = `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_TRAITS)}`;
    name = `${tradeName} ${random.pick(COMPANY_SUFFIXES)}`;
    email = `${random.pick(['contato', 'financeiro', 'adm'])}@${emailLocal(tradeName).replace(/\./g, '')}.com.br`;
  }
  const registeredDaysAgo =
    profile === 'pending'
      ? random.int(0, 10)
      : profile === 'new'
        ? random.int(20, 45)
        : random.int(120, 1800);
  return {
    id: ctx.ids.customer++,
    document,
    person_type: personType,
    name,
    trade_name: tradeName,
    birth_date: birthDate,
    registered_on: shiftDays(today, -registeredDaysAgo),
    active: profile === 'cancelled' || profile === 'inactive' ? 0 : 1,
    email,
    phone: mobile(random, city.ddd),
    phone_secondary: random.chance(0.3) ? `${city.ddd}${random.int(2, 5)}${random.digits(7)}` : '',
    ...address,
    reference: random.chance(0.1) ? random.pick(REFERENCES) : '',
    reseller_code: random.chance(0.4) ? random.pick(RESELLERS).code : '',
    origin_code: random.pick(COMMERCIAL_ORIGINS).code,
    updated_at: `${today}T08:00:00-03:00`,
  };
}

function formatPhoneMask(phone: string): string {
  return phone.length === 11
    ? `(${phone.slice(0, 2)}) ${phone.slice(2, 7)}-${phone.slice(7)}`
    : `(${phone.slice(0, 2)}) ${phone.slice(2, 6)}-${phone.slice(6)}`;
}

/** Extra contact rows as ERPs accumulate them: the same e-mail in other case, the same phone masked. */
export function newContacts(ctx: GeneratorContext, customer: CustomerRow): ContactRow[] {
  const { random } = ctx;
  const rows: ContactRow[] = [];
  const add = (type: 'email' | 'phone', value: string, label: string) =>
    rows.push({ id: ctx.ids.contact++, customer_id: customer.id, type, value, label });
  if (random.chance(0.35)) {
    if (customer.email !== '') add('email', customer.email.toUpperCase(), 'cobrança');
    add('phone', formatPhoneMask(customer.phone), 'celular');
  }
  if (random.chance(0.15)) add('phone', `+55 ${customer.phone}`, 'whatsapp');
  if (random.chance(0.1))
    add('email', `${emailLocal(customer.name.split(' ')[0] ?? 'contato')}@trabalho.com.br`, 'trabalho');
  return rows;
}
