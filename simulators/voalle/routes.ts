// The simulated Voalle's API routes (under /external/...), each a pure function of the state and
// the request. Shapes recorded from real tenants are kept as recorded; everything else carries an
// `unverified:` note saying why.
import { addDays } from '../../src/brasil/dates.js';
import { renderBoletoPdf } from '../../src/render/boleto-pdf.js';
import { renderInvoicePdf } from '../../src/render/invoice-pdf.js';
import { scmInvoiceLines } from '../shared/pdf.js';
import type { VoalleState } from './state.js';
import {
  charges,
  contractView,
  fail,
  money,
  ok,
  openTitleView,
  paged,
  personView,
  titleView,
  type Envelope,
  type Variant,
} from './views.js';

export const THIRD_PARTY = '/external/integrations/thirdparty';

export interface RouteRequest {
  state: VoalleState;
  method: string;
  /** Path after the prefix, e.g. `people/txid/123`. */
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  variants: ReadonlySet<Variant>;
  publicUrl: string;
  slowPayment: number | null;
}

export type RouteAnswer =
  | { kind: 'json'; status: number; body: Envelope | Record<string, unknown> }
  | { kind: 'pdf'; bytes: Buffer }
  | { kind: 'empty'; status: number };

const json = (body: Envelope | Record<string, unknown>, status = 200): RouteAnswer => ({
  kind: 'json',
  status,
  body,
});
const NOT_FOUND = 'Registro não encontrado.';
const PAGE_SIZES = new Set([5, 10, 20, 25, 50, 100]);

function digitsOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\D/g, '') : '';
}

function clientByTxId(state: VoalleState, raw: string) {
  const txId = raw.replace(/\D/g, '');
  return state.data.people.find((p) => p.txId === txId && p.client);
}

function boletoPdf(state: VoalleState, titleId: number): Promise<Buffer> | null {
  const { data } = state;
  const title = data.titles.find((t) => t.id === titleId);
  if (title === undefined || title.status !== 'open') return null;
  const person = data.people.find((p) => p.id === title.clientId)!;
  const { fineCents, interestCents } = charges(title, data.today);
  return renderBoletoPdf({
    bankCode: data.company.bankCode,
    bankName: data.company.bankName,
    beneficiary: { name: data.company.name, document: data.company.txId },
    payer: { name: person.name, document: person.txId },
    agencyAccount: `${data.company.agency}-5 / ${data.company.account}-X`,
    ourNumber: String(title.id),
    documentNumber: title.title,
    issueDate: title.issueDate,
    dueDate: title.expirationDate,
    amountCents: title.valueCents,
    barcode: title.barcode,
    pixCode: title.pixQRCode,
    instructions:
      fineCents + interestCents > 0 ? ['Após o vencimento cobrar multa de 2% e juros de 1% ao mês.'] : [],
  });
}

/** The link target GetBilletLink prints (public, signed). */
export async function billetByHash(state: VoalleState, hash: string): Promise<Buffer | null> {
  const title = state.data.titles.find((t) => t.hash === hash);
  return title === undefined ? null : ((await boletoPdf(state, title.id)) ?? null);
}

type Handler = (req: RouteRequest, params: string[]) => RouteAnswer | Promise<RouteAnswer>;

const routes: { method: string; pattern: RegExp; handler: Handler }[] = [];
const route = (method: string, pattern: RegExp, handler: Handler) =>
  routes.push({ method, pattern, handler });

// ---------------------------------------------------------------- people

route('GET', /^people\/txid\/([^/]+)$/, ({ state, variants }, [txId]) => {
  const person = clientByTxId(state, txId!);
  // unverified: the not-found answer of people/txid is not recorded; clients treat success:false
  // or a missing response as not found, so it is modelled like getopentitlesbytxid's.
  if (person === undefined) return json(fail(NOT_FOUND));
  return json(ok(personView(state.data, person), variants, { type: 'List<Int64>' }));
});

// unverified: the Go SDK's model of PUT people/{id} (body {id, email{...}, phone{...}}, response
// {peopleAddressId, message}); whether absent parts are kept is not known: here they are kept.
route('PUT', /^people\/(\d+)$/, ({ state, body, variants }, [id]) => {
  const person = state.data.people.find((p) => p.id === Number(id));
  if (person === undefined) return json(fail(NOT_FOUND));
  const email = body.email as { email?: unknown } | undefined;
  const phone = body.phone as { phone?: unknown; cellPhone?: unknown } | undefined;
  if (typeof email?.email === 'string' && email.email !== '') person.email = email.email;
  if (phone?.phone !== undefined && digitsOf(phone.phone) !== '') person.phone = digitsOf(phone.phone);
  if (phone?.cellPhone !== undefined && digitsOf(phone.cellPhone) !== '')
    person.cellPhone = digitsOf(phone.cellPhone);
  return json(ok({ peopleAddressId: null, message: 'Pessoa atualizada com sucesso.' }, variants));
});

// unverified: the Go SDK's model of PUT updateaddress/{clientId}. It replaces the whole address
// here (absent fields become empty), the harsh reading: a client must send every field.
route('PUT', /^updateaddress\/(\d+)$/, ({ state, body, variants }, [id]) => {
  const person = state.data.people.find((p) => p.id === Number(id));
  if (person === undefined) return json(fail(NOT_FOUND));
  const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const zip = digitsOf(body.zipCode);
  if (zip.length !== 8) return json(fail('CEP inválido.'));
  person.mainAddress = {
    streetType: person.mainAddress.streetType,
    street: s(body.publicPlace),
    number: s(body.number),
    addressComplement: s(body.complement),
    neighborhood: s(body.neighborhood),
    city: s(body.city),
    codeCityId: Number(digitsOf(body.ibgeCode)) || 0,
    addressReference: s(body.reference),
    state: s(body.state),
    postalCode: zip,
  };
  return json(
    ok({ peopleAddressId: person.id * 10 + 1, message: 'Endereço atualizado com sucesso.' }, variants),
  );
});

// ---------------------------------------------------------------- titles

route('GET', /^getopentitlesbytxid\/([^/]+)$/, ({ state, variants }, [txId]) => {
  const person = clientByTxId(state, txId!);
  if (person === undefined) return json(fail(NOT_FOUND));
  const horizon = addDays(state.data.today, 45);
  const open = state.data.titles.filter(
    (t) => t.clientId === person.id && t.status === 'open' && t.expirationDate <= horizon,
  );
  if (open.length === 0) {
    // unverified: only the message is recorded (the client read `messages` alone).
    return variants.has('nothing-open-success')
      ? json(
          ok([], variants, {
            messages: [{ message: 'Cliente não possui títulos em aberto.', code: null, type: 'Warning' }],
          }),
        )
      : json(fail('Cliente não possui títulos em aberto.'));
  }
  return json(
    ok(
      open.map((t) => openTitleView(state.data, t, variants)),
      variants,
      { type: 'List<ThirdPartyIntegrationService+Title>' },
    ),
  );
});

route('GET', /^gettitlesbytxid\/([^/]+)$/, ({ state, variants }, [txId]) => {
  const person = clientByTxId(state, txId!);
  if (person === undefined) return json(fail(NOT_FOUND));
  const titles = state.data.titles.filter((t) => t.clientId === person.id);
  return json(
    ok(
      titles.map((t) => titleView(state.data, t, variants)),
      variants,
    ),
  );
});

route('GET', /^GetBillet\/(\d+)$/, async ({ state, variants }, [id]) => {
  // unverified: a tenant that answers no PDF here is our variant, to exercise the link path.
  if (variants.has('billet-link-only')) return json(fail('Boleto disponível somente por link.'));
  const pdf = boletoPdf(state, Number(id));
  // unverified: the answer for an unknown or paid title is not recorded.
  if (pdf === null) return json(fail(NOT_FOUND));
  return { kind: 'pdf', bytes: await pdf };
});

route('GET', /^GetBilletLink\/(\d+)$/, ({ state, variants, publicUrl }, [id]) => {
  const title = state.data.titles.find((t) => t.id === Number(id) && t.status === 'open');
  if (title === undefined) return json(fail(NOT_FOUND));
  return json(
    ok(
      {
        link: `${publicUrl}/financial_receivable_titles/check_bank/${title.hash}?validationCode=${title.id % 9973}`,
      },
      variants,
    ),
  );
});

// ---------------------------------------------------------------- settlement (asynchronous)

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// unverified: no answer of receivepayment is recorded. The SDK models the request (PascalCase keys
// included) and `{synGwTransactionId}`; that `transactionId` is an idempotency key (a repeat
// answers the first payment) is the SDK's reading, kept here.
route('POST', /^receivepayment$/, ({ state, body, variants, slowPayment }) => {
  state.counters.receivepayments++;
  const transactionId = typeof body.transactionId === 'string' ? body.transactionId : '';
  if (!GUID.test(transactionId)) return json(fail('transactionId inválido.'));
  const earlier = state.payments.get(transactionId.toLowerCase());
  if (earlier !== undefined) return json(ok({ synGwTransactionId: earlier.synGwTransactionId }, variants));
  const title = state.data.titles.find((t) => t.id === Number(body.financialReceivableTitleId));
  if (title === undefined) return json(fail('Título não encontrado.'));
  if (title.status !== 'open') return json(fail('Título já se encontra baixado ou cancelado.'));
  const paid = Math.round(Number(body.paidAmount) * 100);
  if (!Number.isFinite(paid) || paid <= 0) return json(fail('Valor pago inválido.'));
  if (body.BankAccountCode === undefined || body.PaymentFormCode === undefined) {
    return json(fail('Conta bancária e forma de pagamento são obrigatórias.'));
  }
  const payment = state.newPayment({
    transactionId,
    titleId: title.id,
    paidAmountCents: paid,
    receiptDate: typeof body.ReceiptDate === 'string' ? body.ReceiptDate.slice(0, 10) : state.data.today,
    pendingConsults: slowPayment ?? state.paymentDelay,
  });
  return json(ok({ synGwTransactionId: payment.synGwTransactionId }, variants));
});

// unverified: the status shape is the SDK fixture's ({status{value,label}, processed, message});
// the values 1/2/3 and the labels other than "Processado com sucesso" are ours.
route('GET', /^consultpayment$/, ({ state, query, variants }) => {
  const id = query.get('syngwtransactionid') ?? '';
  const payment = [...state.payments.values()].find((p) => p.synGwTransactionId === id);
  if (payment === undefined) return json(fail('Transação não encontrada.'));
  if (!payment.processed) {
    if (payment.pendingConsults > 0) {
      payment.pendingConsults--;
      return json(
        ok(
          {
            integratorTransactionId: payment.transactionId,
            status: { value: 1, label: 'Aguardando processamento' },
            processed: false,
            message: null,
          },
          variants,
        ),
      );
    }
    const title = state.data.titles.find((t) => t.id === payment.titleId)!;
    payment.processed = true;
    if (title.status === 'open') {
      const { fineCents, interestCents } = charges(title, state.data.today);
      title.status = 'paid';
      title.receipt = {
        amountCents: payment.paidAmountCents,
        fineCents: Math.min(fineCents, Math.max(0, payment.paidAmountCents - title.valueCents)),
        interestCents: Math.max(
          0,
          Math.min(interestCents, payment.paidAmountCents - title.valueCents - fineCents),
        ),
        discountCents: Math.max(0, title.valueCents - payment.paidAmountCents),
        receiptDate: payment.receiptDate,
      };
      payment.outcome = 'success';
      state.counters.baixas++;
    } else {
      payment.outcome = 'title-not-open';
    }
  }
  const success = payment.outcome === 'success';
  return json(
    ok(
      {
        integratorTransactionId: payment.transactionId,
        status: success
          ? { value: 2, label: 'Processado com sucesso' }
          : { value: 3, label: 'Processado com erro' },
        processed: true,
        message: success ? null : 'Título já se encontra baixado ou cancelado.',
      },
      variants,
    ),
  );
});

// ---------------------------------------------------------------- contracts

route('POST', /^contract\/getpaged$/, ({ state, body, variants }) => {
  const person = clientByTxId(state, digitsOf(body.txId));
  const pageSize = Number(body.pageSize);
  // unverified: the collection-derived notes list these page sizes; the refusal text is ours.
  if (!PAGE_SIZES.has(pageSize))
    return json(fail('PageSize inválido. Valores aceitos: 5, 10, 20, 25, 50, 100.'));
  const first = variants.has('paging-zero') ? 0 : 1;
  const page = Number(body.page);
  const rows =
    person === undefined
      ? []
      : state.data.contracts
          .filter((c) => c.clientId === person.id)
          .filter((c) => body.onlyActiveContracts !== true || [1, 2, 3].includes(c.status))
          .filter(
            (c) =>
              body.contractNumber === undefined ||
              body.contractNumber === '' ||
              String(c.contractNumber) === digitsOf(body.contractNumber),
          )
          .map((c) => contractView(c, state.data.today));
  return json(
    ok(paged(rows, Number.isInteger(page) ? Math.max(page, first) : first, pageSize, first), variants),
  );
});

// unverified: success is mocked as `response: {}` by one client; the refusals and the days released
// are ours (Voalle's own trust-unlock rules are not in the material).
route('POST', /^contracts\/unlock\/(\d+)$/, ({ state, variants }, [number]) => {
  const contract = state.data.contracts.find((c) => c.contractNumber === Number(number));
  if (contract === undefined) return json(fail('Contrato não encontrado.'));
  if (contract.status !== 5 && contract.status !== 6)
    return json(fail('Contrato não está bloqueado por inadimplência.'));
  if (contract.unlockedUntil !== null)
    return json(fail('Desbloqueio de confiança já utilizado para este contrato no período.'));
  contract.unlockedUntil = addDays(state.data.today, 3);
  state.counters.unlocks++;
  return json(ok({}, variants));
});

// ---------------------------------------------------------------- service desk

route('POST', /^opensolicitation$/, ({ state, body, variants }) => {
  const client = state.data.people.find((p) => p.id === Number(body.clientId));
  if (client === undefined) return json(fail('Cliente não encontrado.'));
  if (typeof body.description !== 'string' || body.description.trim() === '')
    return json(fail('Descrição é obrigatória.'));
  if (body.contractId !== undefined && body.contractId !== '' && body.contractId !== null) {
    const contract = state.data.contracts.find(
      (c) => c.id === Number(body.contractId) && c.clientId === client.id,
    );
    if (contract === undefined) return json(fail('Contrato não encontrado para o cliente.'));
  }
  const protocol = state.protocol();
  state.solicitations.push({ protocol, body });
  return json(ok({ status: 'OK', protocol }, variants));
});

// unverified: the shape of incident types is not recorded (only the paged route's name).
route('GET', /^incidenttypespaged$/, ({ state, query, variants }) =>
  json(
    ok(
      paged(
        state.data.incidentTypes,
        Number(query.get('Page') ?? 1),
        Number(query.get('PageSize') ?? 100),
        1,
      ),
      variants,
    ),
  ),
);

route('GET', /^companiesplacespaged$/, ({ state, query, variants }) =>
  json(
    ok(
      paged(
        state.data.companyPlaces.map((p) => ({ ...p, txIdFormated: p.txId })),
        Number(query.get('Page') ?? 1),
        Number(query.get('PageSize') ?? 100),
        1,
      ),
      variants,
    ),
  ),
);

// ---------------------------------------------------------------- CRM

route('GET', /^crm\/contracttypesandservices$/, ({ state, variants }) =>
  json(
    ok(
      state.data.contractTypes.map((t) => ({
        code: t.code,
        title: t.title,
        description: t.description,
        collectionDays: t.collectionDays,
        contractTypesServiceProduct: t.services,
      })),
      variants,
      { messages: '' },
    ),
  ),
);

// unverified: two conflicting client models; the Go SDK's by default, the TS adapter's as a variant.
route('GET', /^crm\/campaignsandpricelistservices$/, ({ state, variants }) =>
  json(
    ok(
      state.data.campaigns.map((c) =>
        variants.has('campaigns-ts')
          ? {
              code: c.code,
              title: c.title,
              campaignPriceList: c.priceLists.map((l) => ({
                id: l.id,
                code: l.code,
                title: l.title,
                campaignPriceListProductServices: l.products.map((p) => ({
                  code: p.code,
                  title: p.title,
                  sellingPrice: money(p.priceCents),
                })),
              })),
            }
          : {
              code: c.code,
              title: c.title,
              description: '',
              regions: [],
              priceLists: c.priceLists.map((l) => ({
                code: l.code,
                title: l.title,
                description: '',
                products: l.products.map((p) => ({
                  code: p.code,
                  title: p.title,
                  description: '',
                  price: money(p.priceCents),
                })),
              })),
            },
      ),
      variants,
    ),
  ),
);

// unverified: request per the Go SDK; only `{protocolId}` is modelled as the answer.
route('POST', /^crm\/startsale$/, ({ state, body, variants }) => {
  const missing = [
    'txId',
    'companyPlaceTxId',
    'contractType',
    'crmCampaignCode',
    'crmPriceListCode',
    'serviceProducts',
  ].filter((k) => body[k] === undefined || body[k] === '' || body[k] === null);
  if (missing.length > 0) return json(fail(`Campos obrigatórios não informados: ${missing.join(', ')}.`));
  const type = state.data.contractTypes.find((t) => t.code === String(body.contractType));
  if (type === undefined) return json(fail('Tipo de contrato inválido.'));
  const protocolId = state.protocol();
  state.sales.push({ protocolId, body });
  return json(ok({ protocolId }, variants));
});

// ---------------------------------------------------------------- DANFE

route('GET', /^billings\/invoices\/download\/(\d+)$/, async ({ state }, [id]) => {
  const doc = state.data.documents.find((d) => d.documentId === Number(id));
  // unverified: the SDK models the answer as binary only; a missing document is modelled as 404.
  if (doc === undefined) return { kind: 'empty', status: 404 };
  const person = state.data.people.find((p) => p.id === doc.clientId)!;
  const bytes = await renderInvoicePdf({
    issuer: { name: state.data.company.name, document: state.data.company.txId },
    customer: { name: person.name, document: person.txId },
    number: String(doc.number),
    series: doc.series,
    model: '62',
    issueDate: doc.issueDate,
    accessKey: '',
    authorized: true,
    ...scmInvoiceLines(doc.amountCents),
  });
  return { kind: 'pdf', bytes };
});

/** Routes under /external/integrations/thirdparty/. */
export function thirdParty(req: RouteRequest): RouteAnswer | Promise<RouteAnswer> | null {
  for (const r of routes) {
    if (r.method !== req.method) continue;
    const match = r.pattern.exec(req.path);
    if (match !== null) return r.handler(req, match.slice(1));
  }
  return null;
}

/** The integrator settings the lead route checks (CRM → Cadastros → Origens de Contato; Integradores). */
export const SIM_INTEGRATOR = { alias: 'ponte', origins: ['1.03', '1.11', '1.12'] } as const;

// POST /external/crm/leads/create. The two refusals are the clients' mocks (code 300); success
// returns no id (unverified: no success answer is recorded; `response: null` is our choice).
export function createLead(req: RouteRequest): RouteAnswer {
  const personal = req.body.personalData as { name?: unknown } | undefined;
  const integrator = req.body.integratorData as
    { crmContactOriginCode?: unknown; integratorAlias?: unknown } | undefined;
  const problems: string[] = [];
  if (
    !SIM_INTEGRATOR.origins.includes(
      String(integrator?.crmContactOriginCode) as (typeof SIM_INTEGRATOR.origins)[number],
    )
  ) {
    problems.push('Origem de contato inválida.');
  }
  if (integrator?.integratorAlias !== SIM_INTEGRATOR.alias) problems.push('Integrador inválido.');
  if (typeof personal?.name !== 'string' || personal.name.trim() === '') problems.push('Nome é obrigatório.');
  if (problems.length > 0) {
    return json({
      success: false,
      messages: problems.map((message) => ({ message, code: 300, type: 'Error' })),
      response: null,
    });
  }
  req.state.leads.push(req.body);
  return json(
    ok(null, req.variants, {
      messages: [{ message: 'Lead cadastrado com sucesso.', code: null, type: 'Success' }],
    }),
  );
}
