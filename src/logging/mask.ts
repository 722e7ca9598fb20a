// Masks personal data and secrets in what Ponte logs or shows of an ERP's answer, in two ways:
// - by pattern, in any text: CPF/CNPJ (also glued to letters or `_`), e-mail addresses, phone
//   numbers, bearer tokens, credential parameters and Ponte's own API keys, after percent-escapes
//   are decoded (so `maria%40example.com` is an e-mail too);
// - by field, since names and addresses have no pattern: the value of a personal field (nome,
//   razao, email, telefone, endereco...) is masked by its key, in log objects (maskDeep) and in
//   text that is JSON or form-encoded ("razao":"Maria Souza", nome=Maria+Souza), even truncated.
// It errs on the side of masking: an id that looks like a phone number is masked too, which costs
// a little readability and never leaks a customer's number. It runs on every log line, so every
// pattern is linear (no nested quantifiers over overlapping classes).

// Field names are matched ignoring case, `_` and `-` (razao_social = razaoSocial = RAZAO-SOCIAL).
// Ponte's contract, IXC (cliente, contato, vendedor, su_ticket), Hubsoft (cliente, prospecto,
// atendimento) and the other ERPs' field names, as the ERP research found them.
const PERSONAL_FIELDS = [
  // Names.
  'name',
  'name2',
  'nome',
  'full_name',
  'first_name',
  'last_name',
  'social_name',
  'nome_social',
  'nome_cliente',
  'cliente_nome',
  'nome_completo',
  'customer_name',
  'contact_name',
  'contato',
  'razao',
  'razao_social',
  'nome_razaosocial',
  'fantasia',
  'nome_fantasia',
  'trade_name',
  'nome_pai',
  'nome_mae',
  'respempresa',
  // E-mail addresses and phones.
  'email',
  'e_mail',
  'emails',
  'email_principal',
  'email_secundario',
  'hotsite_email',
  'cliente_email',
  'contact_email',
  'email_nfe',
  'phone',
  'phones',
  'phone_secondary',
  'contact_phone',
  'cell_phone',
  'telefone',
  'telefones',
  'telefone_celular',
  'telefone_comercial',
  'telefone_primario',
  'telefone_secundario',
  'telefone_terciario',
  'celular',
  'fone',
  'fone_celular',
  'fone_residencial',
  'fone_comercial',
  'fone_whatsapp',
  'cliente_fone',
  'whatsapp',
  'contato_numero',
  // Documents.
  'document',
  'documents',
  'documento',
  'document_number',
  'customer_document_number',
  'cpf',
  'cnpj',
  'cpf_cnpj',
  'cnpj_cpf',
  'cliente_cpfcnpj',
  'respcpf',
  'rg',
  // Addresses.
  'address',
  'addresses',
  'installation_address',
  'main_address',
  'endereco',
  'endereco_instalacao',
  'rua',
  'rua_endereco',
  'street',
  'logradouro',
  'complemento',
  'complemento_endereco',
  'complement',
  'ponto_referencia',
  'latitude',
  'longitude',
  'map_ll',
  // Birth dates.
  'birth_date',
  'data_nascimento',
  'data_nascmento',
  'datanasc',
  'nascimento',
  'aniversario',
  // Free text about the customer, and logins (often the customer's name or CPF).
  'obs',
  'observacao',
  'notes',
  'login',
];

/** Fields whose value is a secret: masked whole in log objects (the text patterns cover text). */
const SECRET_FIELDS = [
  'password',
  'senha',
  'secret',
  'client_secret',
  'token',
  'access_token',
  'refresh_token',
  'api_key',
  'x_api_key',
  'authorization',
];

const normaliseKey = (key: string) => key.toLowerCase().replace(/[_-]/g, '');
const PERSONAL = 1;
const SECRET = 2;
const fieldKinds = new Map<string, number>([
  ...PERSONAL_FIELDS.map((f): [string, number] => [normaliseKey(f), PERSONAL]),
  ...SECRET_FIELDS.map((f): [string, number] => [normaliseKey(f), SECRET]),
]);
/** Keys as they appear in log objects, to their kind (0: not personal); bounded. */
const kindCache = new Map<string, number>();

function fieldKind(key: string): number {
  let kind = kindCache.get(key);
  if (kind === undefined) {
    kind = fieldKinds.get(normaliseKey(key)) ?? 0;
    if (kindCache.size >= 2_000) kindCache.clear();
    kindCache.set(key, kind);
  }
  return kind;
}

// The personal field names as a regex alternation, separators optional, longest first.
const FIELD_NAMES = [...PERSONAL_FIELDS]
  .sort((a, b) => b.length - a.length)
  .map((f) => f.split('_').join('[_-]?'))
  .join('|');

// "key": "value" or "key": 123, also inside a JSON string (\"key\": \"value\"), and tolerant of
// a value cut by a trimmed excerpt: an unterminated string runs to the end of the text.
// Groups: 1 what precedes the value, 2 the escape (\ or nothing), 3 the opening quote,
// 4 a string's content, 5 its closing quote, 6 a bare value.
const JSON_FIELD = new RegExp(
  String.raw`((\\?)"(?:${FIELD_NAMES})\2"\s*:\s*)(?:(\2")((?:[^"\\]|\\.)*?)(\2"|$)|([\w.+-]+))`,
  'gi',
);
// key=value (form-encoded, query strings, logfmt); after decoding, a value may hold spaces: it
// runs to the next `&`, quote, `,`, `;` or `word=`. Groups: 1 `key=`, 2 the value.
const FORM_FIELD = new RegExp(
  String.raw`(?<![\w.-])((?:${FIELD_NAMES})=)("[^"]*"?|[^&#\s"',;]+(?:\s+(?![\w.-]+[=:])[^&#\s"',;]+)*)`,
  'gi',
);

const UUID = String.raw`\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`;
const PHONE = String.raw`(?<![\w+])(?:\+?55\s?)?(?:\(\d{2}\)|\d{2})\s?9?\d{4}[-\s]?\d{4}(?!\d)`;
// One pass for the numbers. A UUID (request ids, tenant ids) is kept whole: its hex groups may
// hold 11 digits in a row, and request ids must stay greppable. CPF and CNPJ are bounded by
// non-digits only, not \b: `cliente_52998224725` and `id52998224725x` are found too.
const NUMBERS = new RegExp(
  [
    `(${UUID})`,
    // CNPJ, numeric, masked or not.
    String.raw`(?<!\d)\d{2}\.?\d{3}\.?\d{3}\/?\d{4}-?\d{2}(?!\d)`,
    // CNPJ, alphanumeric (12 base characters + 2 digits).
    String.raw`(?<![0-9A-Z])[0-9A-Z]{2}\.?[0-9A-Z]{3}\.?[0-9A-Z]{3}\/?[0-9A-Z]{4}-?\d{2}(?![0-9A-Z])`,
    // CPF, masked or not.
    String.raw`(?<!\d)\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?!\d)`,
    // Phones: optional +55, optional DDD in parentheses, 8 or 9 digits with optional separator.
    `(${PHONE})`,
  ].join('|'),
  'g',
);

type Replacer = (match: string, ...groups: (string | undefined)[]) => string;

// E-mail: keep the first character and the domain.
const EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/g;
const maskEmail: Replacer = (_m, first, domain) => `${first}***@${domain}`;
const maskNumber: Replacer = (m, uuid, phone) =>
  uuid !== undefined ? m : phone !== undefined ? m.replace(/\d(?=(?:\D*\d){2})/g, '*') : maskKeepingMiddle(m);

// Each with, where there is one, what a text must hold for it to apply (cheaper than a scan).
const patterns: [RegExp, Replacer, string?][] = [
  // Bearer / Basic credentials.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, (_m, scheme) => `${scheme} ***`],
  // Credential parameters and headers: token=..., "senha":"...", api_key=..., X-Api-Key: ...
  [
    /("?(?:token|access_token|refresh_token|password|senha|secret|client_secret|(?:x-)?api[-_]?key|(?<![\w-])key)"?\s*[:=]\s*"?)[^"&\s,}]+/gi,
    (_m, name) => `${name}***`,
  ],
  // Ponte's API keys (src/store/keys.ts: pk_ + base64url) anywhere; a 10-character prefix, as
  // key listings show it, is not the key.
  [/(?<![A-Za-z0-9])pk_[A-Za-z0-9_-]{10,}/g, () => 'pk_***', 'pk_'],
  // Webhook signing secrets (src/webhooks/service.ts: whsec_ + base64url).
  [/(?<![A-Za-z0-9])whsec_[A-Za-z0-9_-]{10,}/g, () => 'whsec_***', 'whsec_'],
  [EMAIL, maskEmail, '@'],
  [NUMBERS, maskNumber],
];

/** Keeps the shape and three middle characters: 529.982.247-25 -> ***.982.***-**. */
function maskKeepingMiddle(match: string): string {
  let out = '';
  let n = 0;
  for (const c of match) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) out += n++ < 3 || n > 6 ? '*' : c;
    else out += c;
  }
  return out;
}

const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

function decodeEscapes(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    // Not UTF-8 (a cut sequence, a Latin-1 byte): decode the ASCII escapes, leave the others.
    return run.replace(/%([0-7][0-9A-Fa-f])/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/** Percent-escapes decoded, twice-encoded ones too (`%2540` -> `@`); never throws. */
export function percentDecode(text: string): string {
  let out = text;
  for (let i = 0; i < 3 && out.includes('%'); i++) {
    const next = out.replace(ESCAPES, decodeEscapes);
    if (next === out) break;
    out = next;
  }
  return out;
}

function maskPatterns(text: string): string {
  let out = text;
  for (const [re, fn, needs] of patterns)
    if (needs === undefined || out.includes(needs)) out = out.replace(re, fn);
  return out;
}

const WORD = /\S+/g;
const DIGIT = /\d/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The value of a personal field: what the patterns find keeps their masks (***.982.***-**,
 * m***@example.com), every other word keeps its first character: Maria Souza -> M*** S***.
 */
export function maskFieldValue(value: string): string {
  // Only the patterns that keep something readable: every other word is masked below anyway.
  let out = value.includes('%') ? percentDecode(value) : value;
  if (out.includes('@')) out = out.replace(EMAIL, maskEmail);
  if (DIGIT.test(out)) out = out.replace(NUMBERS, maskNumber);
  return out.replace(WORD, (word) =>
    word.includes('*') || !LETTER_OR_DIGIT.test(word)
      ? word
      : `${String.fromCodePoint(word.codePointAt(0)!)}***`,
  );
}

function maskBareValue(value: string): string {
  return /^(?:null|true|false)$/i.test(value) ? value : maskFieldValue(value);
}

export function maskPersonalData(text: string): string {
  let out = text.includes('%') ? percentDecode(text) : text;
  if (out.includes('"'))
    out = out.replace(
      JSON_FIELD,
      (_m, before: string, _esc, open?: string, content?: string, close?: string, bare?: string) =>
        bare !== undefined
          ? before + maskBareValue(bare)
          : `${before}${open ?? ''}${maskFieldValue(content ?? '')}${close ?? ''}`,
    );
  if (out.includes('='))
    out = out.replace(FORM_FIELD, (_m, key: string, value: string) =>
      value.startsWith('"')
        ? `${key}"${maskFieldValue(value.slice(1).replace(/"$/, ''))}${value.length > 1 && value.endsWith('"') ? '"' : ''}`
        : key + maskFieldValue(value),
    );
  return maskPatterns(out);
}

/**
 * Masks every string inside a JSON-like value (for log objects); the values of personal fields
 * (by key: nome, email, endereco...) are masked whole, numbers and nested objects included, and
 * those of secret fields (password, token...) become ***.
 */
export function maskDeep(value: unknown, depth = 0): unknown {
  return walk(value, depth, false);
}

function walk(value: unknown, depth: number, personal: boolean): unknown {
  if (typeof value === 'string') return personal ? maskFieldValue(value) : maskPersonalData(value);
  if (personal && (typeof value === 'number' || typeof value === 'bigint'))
    return maskFieldValue(String(value));
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1, personal));
  if (value instanceof Error) return maskError(value, depth);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const kind = personal ? PERSONAL : fieldKind(k);
    out[k] =
      kind === SECRET ? (v === null || v === undefined ? v : '***') : walk(v, depth + 1, kind === PERSONAL);
  }
  return out;
}

/**
 * A copy of an error with every own property masked (message, stack, cause, ERP fields...). It
 * keeps the prototype and the non-enumerable properties, so pino still serialises it as an error.
 * Its own properties are masked by pattern only (an error's `name` is not a person's).
 */
function maskError(error: Error, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key)!;
    if ('value' in descriptor) descriptor.value = walk(descriptor.value, depth + 1, false);
    Object.defineProperty(copy, key, descriptor);
  }
  return copy;
}
