// SGP títulos (/api/ura/titulos/, camelCase) -> the contract's Bill. SGP gives the face value
// (`valor`) and the amount corrected for today (`valorCorrigido`) without splitting it: the kit's
// `erp_total` basis splits the increase into multa (the tenant's fine rule) and juros (the rest).
// `linhaDigitavel` and `codigoPix` are "" on a freshly issued title: the line is then derived
// from `codigoBarras`, the Pix code asked for separately (bills.ts).
import type { FunctionOutput } from '../../../contract/index.js';
import { barcodeToLine, isValidBoletoBarcode, isValidBoletoLine } from '../../../brasil/boleto.js';
import {
  barcodeToArrecadacaoLine,
  isValidArrecadacaoBarcode,
  isValidArrecadacaoLine,
} from '../../../brasil/arrecadacao.js';
import { isValidPix } from '../../../brasil/pix.js';
import { billMoney, cents, digits, document, httpUrl, isoDate, text, valueBill } from '../../kit/index.js';
import type { ChargeBasis, FeeRule, TenantOptions } from '../../kit/index.js';

type Bill = FunctionOutput<'list_bills'>[number];

/** One /api/ura/titulos/ item (the fields Ponte reads). */
export interface SgpTitle {
  id?: unknown;
  clienteNome?: unknown;
  clienteCpfcnpj?: unknown;
  clienteContrato?: unknown;
  numeroDocumento?: unknown;
  nossoNumero?: unknown;
  link?: unknown;
  status?: unknown;
  valor?: unknown;
  valorDesconto?: unknown;
  valorCorrigido?: unknown;
  valorPago?: unknown;
  codigoBarras?: unknown;
  linhaDigitavel?: unknown;
  codigoPix?: unknown;
  codigopix?: unknown;
  dataEmissao?: unknown;
  dataVencimento?: unknown;
  dataPagamento?: unknown;
  demonstrativo?: unknown;
  [key: string]: unknown;
}

export type TitleStatus = 'open' | 'paid' | 'cancelled';

/** aberto/Gerado -> open, pago -> paid, cancelado -> cancelled; anything else null (left out of lists). */
export function titleStatus(t: SgpTitle): TitleStatus | null {
  const s = text(t.status).toLowerCase();
  if (s === 'aberto' || s === 'gerado' || s === 'em aberto') return 'open';
  if (s === 'pago' || s === 'quitado') return 'paid';
  if (s === 'cancelado') return 'cancelled';
  return null;
}

export function feeRule(options: TenantOptions): FeeRule {
  return {
    fineBasisPoints: options.late_fees.fine_basis_points,
    monthlyInterestBasisPoints: options.late_fees.monthly_interest_basis_points,
    interestFrom: options.late_fees.interest_from,
  };
}

/** The linha digitável: SGP's own when its check digits hold, else derived from the barcode, else "". */
export function lineOf(t: SgpTitle): string {
  const line = digits(t.linhaDigitavel);
  if (line !== '' && (isValidBoletoLine(line) || isValidArrecadacaoLine(line))) return line;
  const barcode = digits(t.codigoBarras);
  if (isValidBoletoBarcode(barcode)) return barcodeToLine(barcode);
  if (isValidArrecadacaoBarcode(barcode)) return barcodeToArrecadacaoLine(barcode);
  return '';
}

/** The title's Pix code when it has one that passes its CRC ("" otherwise). */
export function pixOf(t: SgpTitle): string {
  const pix = text(t.codigoPix) || text(t.codigopix);
  return pix !== '' && isValidPix(pix) ? pix : '';
}

/**
 * A title as a Bill valued on `today`. `pix` overrides the title's own code (the Pix endpoint's);
 * `warn` records what was dropped (a line or Pix code whose check digits fail).
 */
export function toBill(
  t: SgpTitle,
  options: TenantOptions,
  today: string,
  pix: string | undefined,
  warn: (message: string) => void,
): Bill {
  const id = text(t.id);
  const status = titleStatus(t) ?? 'open';
  const amount = cents(t.valor) ?? 0;
  const due = isoDate(t.dataVencimento) ?? '';
  const doc = document(t.clienteCpfcnpj);
  const consumer = doc.length === 11;
  let basis: ChargeBasis = { kind: 'none' };
  if (status === 'open') {
    const corrected = cents(t.valorCorrigido);
    basis =
      corrected !== null
        ? { kind: 'erp_total', totalCents: corrected, rule: feeRule(options), consumer }
        : { kind: 'rule', rule: feeRule(options), on: today, consumer };
  } else if (status === 'paid') {
    const paid = cents(t.valorPago);
    basis = paid !== null && paid > 0 ? { kind: 'paid', paidCents: paid } : { kind: 'none' };
  }
  const valued = valueBill(amount, due, basis);
  const line = status === 'open' ? lineOf(t) : '';
  if (status === 'open' && line === '' && digits(t.codigoBarras) !== '') {
    warn(`título ${id}: its barcode does not pass its check digits, so no linha digitável is given`);
  }
  const ownPix = text(t.codigoPix) || text(t.codigopix);
  if (ownPix !== '' && pixOf(t) === '') warn(`título ${id}: its Pix code fails its CRC and was left out`);
  const contract = text(t.clienteContrato);
  const historico = [contract === '' ? '' : `Contrato ${contract}`, text(t.demonstrativo)]
    .filter(Boolean)
    .join(' - ');
  return {
    document_number: doc,
    fatura: id,
    nome_cliente: text(t.clienteNome),
    ...billMoney(valued),
    emissao: isoDate(t.dataEmissao) ?? '',
    vencimento: due,
    historico,
    link_boleto: httpUrl(t.link),
    linha_digitavel: line,
    code_fatura: text(t.nossoNumero) || text(t.numeroDocumento),
    identifier: '',
    remote_id: id,
    pix_code: status === 'open' ? (pix ?? pixOf(t)) : '',
    status,
  };
}
