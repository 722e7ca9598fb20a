// IXC's action endpoints ("botões") the way the webservice answers them: get_boleto (PDF as base64
// text or binary, or the slip's data), get_pix, the manual settlement
// fn_areceber_recebimentos_baixas_novo, desbloqueio_confianca (object or list, by release),
// imprimir_nota; plus the side effects of inserts IXC performs itself (ticket protocols).
// Business errors are HTTP 200 with `type: error`, as in the real ERP.
import { addDays, daysBetween } from '../../src/brasil/dates.js';
import { computeLateFees } from '../../src/brasil/late-fees.js';
import { formatMoney, parseMoney } from '../../src/brasil/money.js';
import { buildStaticPix } from '../../src/brasil/pix.js';
import { buildBoletoBarcode, lineToBarcode } from '../../src/brasil/boleto.js';
import { renderBoletoPdf } from '../../src/render/boleto-pdf.js';
import { renderInvoicePdf } from '../../src/render/invoice-pdf.js';
import { addRow, findRow } from './schema.js';
import { BANK_CODE, CONVENIO, ISP, PLANNING_ACCOUNTS } from './seed.js';
import type { IxcState } from './state.js';
import type { Row } from './table-engine.js';

export interface Answer {
  status: number;
  contentType: string;
  body: string | Buffer;
}

export const json = (value: unknown, status = 200): Answer => ({
  status,
  contentType: 'application/json',
  // IXC emits pure ASCII JSON: non-ASCII characters travel as \uXXXX escapes.
  body: JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  ),
});

export const ixcError = (message: string): Answer => json({ type: 'error', message });

type Body = Record<string, unknown>;
const field = (body: Body, name: string) =>
  typeof body[name] === 'string' ? body[name] : typeof body[name] === 'number' ? String(body[name]) : '';
const cents = (money: string | undefined) => {
  const parsed = parseMoney(money ?? '');
  return parsed.ok ? parsed.cents : 0;
};
const brDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const isoFromBr = (br: string) =>
  /^\d{2}\/\d{2}\/\d{4}$/.test(br) ? `${br.slice(6)}-${br.slice(3, 5)}-${br.slice(0, 2)}` : null;

/** The rates of the bill's wallet: fine in %, interest in % per day (IXC's fn_carteira_cobranca). */
function walletRates(state: IxcState, bill: Row): { fine: string; interestPerDay: string } {
  const wallet = findRow(state.tables.fn_carteira_cobranca!, bill.id_carteira_cobranca ?? '');
  return { fine: wallet?.multap || '0.00', interestPerDay: wallet?.jurop || '0.000' };
}

/** What the bill costs today with the wallet's fine and interest (the amount in its Pix code). */
export function updatedAmount(state: IxcState, bill: Row): number {
  const customer = findRow(state.tables.cliente!, bill.id_cliente ?? '');
  const rates = walletRates(state, bill);
  const fees = computeLateFees({
    amountCents: cents(bill.valor_aberto),
    dueDate: bill.data_vencimento ?? state.today,
    paymentDate: state.today,
    fineBasisPoints: Math.round(Number(rates.fine) * 100),
    monthlyInterestBasisPoints: Math.round(Number(rates.interestPerDay) * 3000),
    consumer: customer?.tipo_pessoa !== 'J',
  });
  return fees.totalCents;
}

function payer(state: IxcState, customerId: string) {
  const c = findRow(state.tables.cliente!, customerId);
  return {
    name: c?.razao ?? '',
    document: (c?.cnpj_cpf ?? '').replace(/\D/g, ''),
    address: `${c?.endereco ?? ''}, ${c?.numero ?? ''}`,
  };
}

function barcodeOf(bill: Row): string {
  if (bill.linha_digitavel) return lineToBarcode(bill.linha_digitavel);
  const ourNumber = CONVENIO + (bill.id ?? '0').padStart(10, '0');
  return buildBoletoBarcode({
    bank: BANK_CODE,
    dueDate: bill.data_vencimento ?? null,
    amountCents: cents(bill.valor),
    freeField: `000000${ourNumber}17`,
  });
}

function pixFor(state: IxcState, bill: Row): string {
  return buildStaticPix({
    key: ISP.pixKey,
    amountCents: updatedAmount(state, bill),
    txid: `IXC${bill.id}`,
    merchantName: ISP.name.slice(0, 25),
    merchantCity: ISP.city,
  });
}

async function boletoPdf(state: IxcState, bills: Row[]): Promise<Buffer> {
  // One PDF per call, as IXC merges several ids into one file; the first bill is drawn.
  const bill = bills[0]!;
  return renderBoletoPdf({
    bankCode: BANK_CODE,
    bankName: 'Banco do Brasil',
    beneficiary: { name: ISP.name, document: ISP.document },
    payer: payer(state, bill.id_cliente ?? ''),
    agencyAccount: '1234-5 / 67890-1',
    ourNumber: bill.nn_boleto || CONVENIO + (bill.id ?? '').padStart(10, '0'),
    documentNumber: bill.documento ?? '',
    issueDate: bill.data_emissao ?? state.today,
    dueDate: bill.data_vencimento ?? state.today,
    amountCents: cents(bill.valor),
    barcode: barcodeOf(bill),
    ...(bill.status === 'A' || bill.status === 'P' ? { pixCode: pixFor(state, bill) } : {}),
    description: bill.obs ?? '',
  });
}

function encodeBase64(state: IxcState, pdf: Buffer): string {
  const b64 = pdf.toString('base64');
  if (state.variants.boletoBase64 === 'quoted') return JSON.stringify(b64);
  if (state.variants.boletoBase64 === 'data-uri') return `data:application/pdf;base64,${b64}`;
  return b64;
}

export async function getBoleto(state: IxcState, body: Body): Promise<Answer> {
  const ids = field(body, 'boletos')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bills = ids.map((id) => findRow(state.tables.fn_areceber!, id));
  if (bills.length === 0 || bills.some((b) => b === undefined))
    return ixcError('Boleto(s) não encontrado(s)!');
  const found = bills as Row[];
  if (found.some((b) => b.status === 'C')) return ixcError('Não é possível imprimir boleto cancelado!');
  const kind = field(body, 'tipo_boleto') || 'arquivo';
  if (kind === 'dados') {
    if (found.some((b) => b.tipo_recebimento !== 'Boleto'))
      return ixcError('Opção disponível somente para o tipo de recebimento Boleto.');
    return json(
      found.map((b) => ({
        id: b.id,
        linha_digitavel: b.linha_digitavel,
        codigo_barras: barcodeOf(b),
        data_vencimento: b.data_vencimento,
        valor_boleto: formatMoney(updatedAmount(state, b)),
      })),
    );
  }
  if (kind === 'mail' || kind === 'sms') return json({ registros: [{ sucesso: true }] });
  if (kind !== 'arquivo') return ixcError(`Tipo de boleto ${kind} inválido.`);
  const pdf = await boletoPdf(state, found);
  if (field(body, 'base64') === 'N') return { status: 200, contentType: 'application/pdf', body: pdf };
  return { status: 200, contentType: 'text/html; charset=UTF-8', body: encodeBase64(state, pdf) };
}

export function getPix(state: IxcState, body: Body): Answer {
  const bill = findRow(state.tables.fn_areceber!, field(body, 'id_areceber'));
  if (bill === undefined) return ixcError('Conta a receber não encontrada!');
  if (bill.status === 'R') return ixcError('Esta fatura já foi recebida.');
  if (bill.status === 'C') return ixcError('Esta fatura está cancelada.');
  const customer = payer(state, bill.id_cliente ?? '');
  const rates = walletRates(state, bill);
  const code = pixFor(state, bill);
  // Which field carries the code depends on the gateway: clients must read both.
  const inCopyPaste = Number(bill.id) % 2 === 0;
  return json({
    pix: {
      dadosPix: {
        calendario: {
          criacao: `${bill.data_emissao}T08:00:00Z`,
          dataDeVencimento: bill.data_vencimento,
          validadeAposVencimento: 60,
        },
        devedor: {
          [customer.document.length === 14 ? 'cnpj' : 'cpf']: customer.document,
          nome: customer.name,
        },
        valor: {
          original: bill.valor_aberto,
          abatimento: [],
          juros: { valorPerc: rates.interestPerDay, modalidade: 2 },
          multa: { valorPerc: rates.fine, modalidade: 2 },
        },
        chave: ISP.pixKey,
        txid: `IXC${bill.id}`,
        status: 'ATIVA',
        solicitacaoPagador: bill.obs,
        pixCopiaECola: inCopyPaste ? code : '',
        expiracaoPix: `${brDate(addDays(bill.data_vencimento ?? state.today, 60))} 23:59:59`,
      },
      qrCode: {
        qrcode: inCopyPaste ? '' : code,
        imagemQrcode: '',
        imagemSrc: `https://pix.ponte.example/qr?code=IXC${bill.id}`,
      },
    },
    gateway: { gatewayNome: 'MB' },
    type: 'success',
  });
}

/** The manual settlement ("Receber boleto"): one receipt row, the bill paid or partly paid. */
export function settle(state: IxcState, body: Body): Answer {
  const t = state.tables;
  const bill = findRow(t.fn_areceber!, field(body, 'id_receber'));
  if (bill === undefined) return ixcError('Conta a receber não encontrada!');
  if (bill.status === 'R') return ixcError(`O título ${bill.id} já está recebido!`);
  if (bill.status === 'C') return ixcError(`O título ${bill.id} está cancelado!`);
  // conta_ is the account / cash box receiving the money; id_conta the planning account the
  // receipt is booked to (the bill's own, or another of the plan of accounts).
  const account = findRow(t.contas!, field(body, 'conta_'));
  if (account === undefined || account.ativo === 'N') {
    return ixcError('Informe uma conta/caixa válida para o recebimento!');
  }
  if (!Object.hasOwn(PLANNING_ACCOUNTS, field(body, 'id_conta'))) {
    // The simulator's own wording: no real answer to this case is recorded.
    return ixcError('Informe um planejamento analítico válido para o recebimento!');
  }
  if (findRow(t.filial!, field(body, 'filial_id')) === undefined) return ixcError('Filial inválida!');
  const paidOn = isoFromBr(field(body, 'data'));
  if (paidOn === null) return ixcError('Data de recebimento inválida!');
  const received = cents(field(body, 'valor_total_recebido'));
  if (received <= 0) return ixcError('Valor recebido deve ser maior que zero!');
  const open = cents(bill.valor_aberto);
  const baixa = addRow(t.fn_areceber_baixas!, {
    id_receber: bill.id!,
    filial_id: field(body, 'filial_id'),
    conta_: field(body, 'conta_'),
    id_conta: field(body, 'id_conta'),
    tipo_recebimento: field(body, 'tipo_recebimento'),
    credito: field(body, 'credito'),
    debito: field(body, 'debito'),
    tipo_lanc: field(body, 'tipo_lanc'),
    data: paidOn,
    valor_parcela: field(body, 'valor_parcela'),
    valor_total_recebido: formatMoney(received),
    vacrescimo: field(body, 'vacrescimo') || '0.00',
    vdesconto: field(body, 'vdesconto') || '0.00',
    historico: field(body, 'historico'),
    documento: field(body, 'documento'),
    data_lancamento: `${state.today} 12:00:00`,
  });
  bill.valor_recebido = formatMoney(cents(bill.valor_recebido) + received);
  bill.valor_aberto = formatMoney(Math.max(0, open - received));
  bill.status = received >= open ? 'R' : 'P';
  bill.pagamento_data = paidOn;
  bill.baixa_data = state.today;
  if (field(body, 'tipo_recebimento') === 'Pix') bill.recebido_via_pix = 'S';
  state.counters.baixas++;
  return json({ type: 'success', message: 'Recebimento efetuado com sucesso!', id: baixa.id });
}

const TRUST_UNLOCK_DAYS = 3;
const TRUST_UNLOCK_PERIOD_DAYS = 30;

/** desbloqueio_confianca: IXC's own rules, answered in the shape of the configured release. */
export function trustUnlock(state: IxcState, body: Body): Answer {
  const v2 = state.variants.trustUnlock === 'v2';
  const answer = (ok: boolean, message: string, code: number) =>
    v2
      ? json([{ type: ok ? 'success' : 'error', message }])
      : json({ tipo: ok ? 'sucesso' : 'erro', mensagem: message, codigo: String(code) });
  const contract = findRow(state.tables.cliente_contrato!, field(body, 'id'));
  if (contract === undefined) return answer(false, 'Contrato inexistente!', 106);
  if (contract.status !== 'A')
    return answer(false, 'Contrato não está ativo, não pode ser desbloqueado.', 109);
  if (contract.status_internet === 'A') return answer(false, 'Contrato já encontra-se ativo!', 107);
  if (contract.status_internet === 'CM')
    return answer(false, 'Contrato com bloqueio manual não pode ser desbloqueado em confiança.', 109);
  if (contract.desbloqueio_confianca === 'N')
    return answer(false, 'Desbloqueio de confiança desabilitado para este contrato.', 109);
  const last = contract.dt_ult_des_bloq_conf ?? '';
  if (
    /^\d{4}-\d{2}-\d{2}$/.test(last) &&
    last !== '0000-00-00' &&
    daysBetween(last, state.today) < TRUST_UNLOCK_PERIOD_DAYS
  ) {
    // 113: the unlock was used and its payment is still pending (the code real IXC answers; the
    // wording is the simulator's own, no real text being recorded).
    return answer(
      false,
      `Desbloqueio de confiança já utilizado em ${brDate(last)} e o pagamento ainda está pendente.`,
      113,
    );
  }
  const until = addDays(state.today, TRUST_UNLOCK_DAYS);
  contract.status_internet = 'A';
  contract.desbloqueio_confianca_ativo = 'S';
  contract.dt_ult_des_bloq_conf = state.today;
  return answer(
    true,
    v2
      ? 'Contrato desbloqueado com sucesso.'
      : `Desbloqueio de confiança efetuado com sucesso! Liberado até ${brDate(until)}.`,
    100,
  );
}

export async function printInvoice(state: IxcState, body: Body): Promise<Answer> {
  const sale = findRow(state.tables.vd_saida!, field(body, 'id'));
  if (sale === undefined) return ixcError('Venda não encontrada!');
  if (sale.numero_nf === '' || (sale.status !== 'F' && sale.status !== 'C'))
    return ixcError('Nota fiscal não emitida para esta venda.');
  const customer = payer(state, sale.id_cliente ?? '');
  const total = cents(sale.valor_total);
  const pdf = await renderInvoicePdf({
    issuer: { name: ISP.name, document: ISP.document },
    customer: { ...customer, customerCode: sale.id_cliente ?? '' },
    number: sale.numero_nf ?? '',
    series: sale.serie ?? '',
    model: sale.modelo_nf ?? '',
    issueDate: sale.data_emissao ?? state.today,
    accessKey: sale.nfe_chave ?? '',
    authorized: sale.status === 'F',
    items: [
      { description: 'Serviço de comunicação multimídia', quantity: 1, unitCents: total, totalCents: total },
    ],
    totalCents: total,
  });
  if (field(body, 'base64') === 'N') return { status: 200, contentType: 'application/pdf', body: pdf };
  return { status: 200, contentType: 'text/html; charset=UTF-8', body: pdf.toString('base64') };
}

/** What IXC fills in on an insert before storing the row; an error message when it refuses it. */
export function completeInsert(state: IxcState, table: string, row: Record<string, string>): string | null {
  const t = state.tables;
  if (table === 'cliente') {
    const digits = (row.cnpj_cpf ?? '').replace(/[^0-9A-Za-z]/g, '');
    if (t.cliente!.rows.some((c) => c.cnpj_cpf!.replace(/[^0-9A-Za-z]/g, '') === digits))
      return 'Este CNPJ/CPF já está cadastrado!';
    row.data_cadastro ||= state.today;
  }
  if (
    table === 'contato' &&
    !['email', 'fone_celular', 'fone_residencial', 'fone_comercial', 'fone_whatsapp'].some((f) => row[f])
  ) {
    return 'Informe pelo menos um telefone ou e-mail!';
  }
  if (table === 'cliente_contrato' && findRow(t.cliente!, row.id_cliente ?? '') === undefined)
    return 'Cliente não encontrado!';
  if (
    (table === 'su_ticket' || table === 'su_oss_chamado') &&
    findRow(t.cliente!, row.id_cliente ?? '') === undefined
  )
    return 'Cliente não encontrado!';
  if (table === 'su_ticket') {
    if (findRow(t.su_oss_assunto!, row.id_assunto ?? '') === undefined) return 'Assunto inválido!';
    if (findRow(t.su_ticket_setor!, row.id_ticket_setor ?? '') === undefined) return 'Departamento inválido!';
    row.data_criacao = `${state.today} 10:00:00`;
  }
  if (table === 'su_oss_chamado') row.data_abertura = `${state.today} 10:00:00`;
  return null;
}

/** The protocol IXC prints for a new atendimento / OS: the day and the record's id. */
export function assignProtocol(state: IxcState, table: string, row: Row): void {
  if ((table === 'su_ticket' || table === 'su_oss_chamado') && !row.protocolo) {
    row.protocolo = `${state.today.replace(/-/g, '')}${row.id!.padStart(6, '0')}`;
  }
}
