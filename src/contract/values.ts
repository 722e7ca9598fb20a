// Value schemas shared by the contract's objects and functions (CONTRACT.md §2).
//
// Input schemas normalise: documents to their bare form, money to integer cents, phones to DDD +
// number. Output schemas only check: they describe exactly what Ponte answers, so a provider that
// returns something else is caught by the contract tests.
import { z } from 'zod';
import { isValidArrecadacaoLine } from '../brasil/arrecadacao.js';
import { isValidBoletoLine } from '../brasil/boleto.js';
import { isIsoDate } from '../brasil/dates.js';
import { parseDocument } from '../brasil/document.js';
import { parseMoney } from '../brasil/money.js';
import { isValidPix } from '../brasil/pix.js';

/** Marks a zod issue that the HTTP layer answers as INVALID_DOCUMENT instead of INVALID_INPUT. */
export const INVALID_DOCUMENT_PARAMS = { ponteCode: 'INVALID_DOCUMENT' } as const;

/**
 * An optional input field. Platforms send large objects where a missing value is often `null` or
 * `""`; both mean "not given", like an absent key, so that they never fail a stricter check.
 */
export function optionalInput<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

/** `null` and blank strings become `undefined`, so that a default or `.optional()` applies. */
export function blankToUndefined(value: unknown): unknown {
  return value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
}

// ---------------------------------------------------------------- text and ids

/** A required text: trimmed, not empty. */
export const requiredText = z.string().trim().min(1, 'must not be empty');

/** A free text, trimmed. */
export const text = z.string().trim();

/**
 * An id or code the platform got from Ponte or owns (order id, boleto id, product code...). The
 * contract types them as strings; platforms that keep integer ids may send the number, which is
 * read as its decimal text so that `123` and `"123"` are the same id.
 */
export const idInput = z
  .union([z.string(), z.number().int().nonnegative()], { error: 'expected an id (a string)' })
  .meta({ description: 'An id or code: a string (a non-negative integer is read as its decimal text).' })
  .transform((value, ctx) => {
    const id = String(value).trim();
    if (id === '') {
      ctx.addIssue({ code: 'custom', message: 'must not be empty', input: value });
      return z.NEVER;
    }
    return id;
  });

/** An id in an output: a string that is never empty. */
export const idOutput = z.string().min(1);

// ---------------------------------------------------------------- documents

const NORMALISED_DOCUMENT = /^(?:\d{11}|[0-9A-Z]{12}\d{2})$/;

/** CPF or CNPJ as input: masked or not, check digits verified; normalised to digits and upper-case letters. */
export const documentNumber = z
  .string()
  .meta({
    description:
      'CPF (11 digits) or CNPJ (14 characters; the new CNPJ may hold letters), with or without mask. Check digits are verified.',
    examples: ['529.982.247-25', '52998224725', '12.ABC.345/01DE-35'],
  })
  .transform((input, ctx) => {
    const parsed = parseDocument(input);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.reason, params: INVALID_DOCUMENT_PARAMS, input });
    return z.NEVER;
  });

/** CPF or CNPJ as output: the normalised form (digits, upper-case letters for an alphanumeric CNPJ). */
export const documentOutput = z
  .string()
  .regex(NORMALISED_DOCUMENT, 'expected a normalised CPF or CNPJ (no mask)')
  .meta({ description: 'CPF or CNPJ, normalised: no mask.', examples: ['52998224725'] });

// ---------------------------------------------------------------- money

const MONEY_INPUT_TEXT = /^\d+(?:\.\d{1,2})?$/;
const MONEY_OUTPUT_TEXT = /^-?(?:0|[1-9]\d*)\.\d{2}$/;
const AMOUNT_OUTPUT_TEXT = /^(?:0|[1-9]\d*)\.\d{2}$/;

/**
 * A non-negative amount as input: the API string (`"129.90"`) or a JSON number with at most 2
 * decimals (`129.9`). Read into integer cents.
 */
export const moneyInput = z
  .union(
    [
      z.string().trim().regex(MONEY_INPUT_TEXT, 'expected a money amount like "129.90" (dot decimal)'),
      z.number().nonnegative('a money amount must not be negative'),
    ],
    { error: 'expected a money amount: a string like "129.90" or a number with at most 2 decimals' },
  )
  .meta({
    description: 'Money: a string with a dot decimal, or a JSON number with at most 2 decimals.',
    examples: ['129.90', 129.9],
  })
  .transform((value, ctx) => {
    const parsed = parseMoney(value);
    if (parsed.ok) return parsed.cents;
    ctx.addIssue({ code: 'custom', message: parsed.reason, input: value });
    return z.NEVER;
  });

/** An amount as output: dot decimal, exactly 2 places; see `amountString` for the non-negative ones. */
export const moneyString = z
  .string()
  .regex(MONEY_OUTPUT_TEXT, 'expected a money amount with exactly 2 decimals, like "129.90"')
  .meta({ description: 'Money: dot decimal, exactly 2 places.', examples: ['129.90'] });

/** A non-negative amount as output (every amount of the contract: prices, bill parts, invoice totals). */
export const amountString = z
  .string()
  .regex(AMOUNT_OUTPUT_TEXT, 'expected a non-negative money amount with exactly 2 decimals, like "129.90"')
  .meta({ description: 'Money: dot decimal, exactly 2 places, not negative.', examples: ['129.90'] });

/** Cents of a string that `moneyString` accepted. */
export function centsOfMoneyString(value: string): number {
  const negative = value.startsWith('-');
  const [reais = '0', centavos = '00'] = (negative ? value.slice(1) : value).split('.');
  const magnitude = Number(reais) * 100 + Number(centavos);
  return negative ? -magnitude : magnitude;
}

// ---------------------------------------------------------------- dates

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z
  .string()
  .refine(isIsoDate, 'expected a real calendar date as YYYY-MM-DD')
  .meta({ format: 'date', examples: ['2026-12-10'] });

// The instants a date-time input may name: whatever the time zone it is read in (Brazil's, to
// date a payment), its calendar date stays a YYYY-MM-DD that `isoDate` accepts. Outside, a year
// below 100 (which Date.UTC reads as 19xx) or above 9999 ("+010000-01-01") reached the providers
// as a date nothing could read back.
const EARLIEST_DATE_TIME = Date.UTC(1000, 0, 2);
const LATEST_DATE_TIME = Date.UTC(9999, 11, 31) - 1;

/** An ISO 8601 date-time with an offset or `Z`, from 1000-01-02 to 9999-12-30 (UTC). */
export const isoDateTime = z.iso
  .datetime({
    offset: true,
    error: 'expected an ISO 8601 date-time with offset, like 2026-11-28T14:03:00-03:00',
  })
  .refine((value) => {
    const instant = Date.parse(value);
    return instant >= EARLIEST_DATE_TIME && instant <= LATEST_DATE_TIME;
  }, 'expected a date-time between 1000-01-02 and 9999-12-30')
  .meta({ examples: ['2026-11-28T14:03:00-03:00'] });

/** A date, or `""` when the ERP does not know it. */
export const isoDateOrEmpty = z.union([isoDate, z.literal('')]);

// ---------------------------------------------------------------- phone

const PHONE = /^[1-9]{2}(?:9\d{8}|[2-8]\d{7})$/;
const PHONE_INPUT_CHARS = /^[\d\s()+.-]+$/;

/**
 * A Brazilian phone as DDD + number (10 digits for a landline, 11 for a mobile starting with 9),
 * or null. Masks and spaces are dropped, and so are the country code 55 and the trunk prefix 0.
 */
export function normalisePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!PHONE_INPUT_CHARS.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    if (!digits.startsWith('55')) return null;
    digits = digits.slice(2);
  } else if ((digits.length === 12 || digits.length === 13) && digits.startsWith('55')) {
    digits = digits.slice(2);
  } else if ((digits.length === 11 || digits.length === 12) && digits.startsWith('0')) {
    digits = digits.slice(1);
  }
  return PHONE.test(digits) ? digits : null;
}

/** A phone as input: masks, spaces and +55 accepted; normalised to DDD + number. */
export const phone = z
  .string()
  .meta({
    description: 'Brazilian phone, DDD + number; masks, spaces and +55 are accepted.',
    examples: ['(19) 98765-4321', '+55 19 98765-4321', '19987654321'],
  })
  .transform((input, ctx) => {
    const normalised = normalisePhone(input);
    if (normalised !== null) return normalised;
    ctx.addIssue({
      code: 'custom',
      message: 'expected a Brazilian phone: DDD + number, 10 or 11 digits',
      input,
    });
    return z.NEVER;
  });

/** A phone as output: DDD + number, digits only. */
export const phoneOutput = z
  .string()
  .regex(PHONE, 'expected DDD + number, 10 or 11 digits')
  .meta({ examples: ['19987654321'] });

/** A phone as output, or `""` when the ERP has none. */
export const phoneOrEmpty = z.union([phoneOutput, z.literal('')]);

// ---------------------------------------------------------------- e-mail

export const emailInput = z
  .string()
  .trim()
  .regex(z.regexes.email, 'expected an e-mail address')
  .meta({ format: 'email', examples: ['maria.souza@example.com'] });

// ---------------------------------------------------------------- address parts

/** The 27 federative units. */
export const UFS = [
  'AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA', 'PB', 'PE', 'PI',
  'PR', 'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO',
] as const; // prettier-ignore

export type Uf = (typeof UFS)[number];

export const ufOutput = z.enum(UFS, { error: 'expected a UF (state), like "SP"' });

/** An ERP's state field as the contract answers it: the UF upper-cased, or `""` when it is not one. */
export function ufOrEmpty(value: string): Uf | '' {
  const parsed = ufOutput.safeParse(value.trim().toUpperCase());
  return parsed.success ? parsed.data : '';
}

/** UF as input: two letters, any case; normalised to upper case. */
export const ufInput = z
  .string()
  .trim()
  .toUpperCase()
  .meta({ examples: ['SP'] })
  .pipe(ufOutput);

/** CEP as input: `13010-111` or `13010111`; normalised to 8 digits. */
export const zipCodeInput = z
  .string()
  .meta({ description: 'CEP, with or without mask.', examples: ['13010-111', '13010111'] })
  .transform((input, ctx) => {
    const digits = input.replace(/[\s.-]/g, '');
    if (/^\d{8}$/.test(digits)) return digits;
    ctx.addIssue({ code: 'custom', message: 'expected a CEP of 8 digits', input });
    return z.NEVER;
  });

export const zipCodeOutput = z.string().regex(/^\d{8}$/, 'expected a CEP of 8 digits');

export const ibgeCode = z
  .string()
  .trim()
  .regex(/^\d{7}$/, 'expected an IBGE city code of 7 digits')
  .meta({ examples: ['3509502'] });

function coordinate(limit: number) {
  return z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^-?\d+(?:\.\d+)?$/, 'expected a decimal number'),
      ],
      {
        error: 'expected a number of degrees',
      },
    )
    .transform(Number)
    .pipe(z.number().min(-limit).max(limit));
}

/** Degrees, as a JSON number or its decimal text; read as a number. */
export const latitude = coordinate(90);
export const longitude = coordinate(180);

// ---------------------------------------------------------------- outputs with check digits

/** Linha digitável: `""`, or 47 (bank slip) / 48 (arrecadação) digits whose check digits hold. */
export const linhaDigitavel = z
  .string()
  .regex(/^(?:\d{47}|\d{48})?$/, 'expected "" or 47/48 digits')
  .refine(
    (line) => line === '' || isValidBoletoLine(line) || isValidArrecadacaoLine(line),
    'linha digitável check digits do not hold',
  );

/** Pix "copia e cola": `""`, or an EMV BR Code whose CRC16 holds. */
export const pixCode = z
  .string()
  .refine((code) => code === '' || isValidPix(code), 'not a valid Pix BR Code');

/** `""`, or an http(s) URL. */
export const urlOrEmpty = z.union([z.literal(''), z.url({ protocol: /^https?$/ })]);

/** A PDF, base64-encoded without a `data:` prefix. */
export const base64Pdf = z
  .base64('expected base64 (no data: prefix)')
  .regex(/^JVBER/, 'expected the base64 of a PDF (starting with %PDF-)');
