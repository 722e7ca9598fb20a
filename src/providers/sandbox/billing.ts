// What the sandbox ISP prints on its bills: the boleto (barcode and linha digitável, with an
// Itaú-style campo livre whatever the bank code, since a sandbox needs one plausible layout rather
// than one per bank), the static Pix code, and the NFCom access key of its notas fiscais.
import { barcodeToLine, buildBoletoBarcode } from '../../brasil/boleto.js';
import { mod10, mod11Arrecadacao } from '../../brasil/modulo.js';
import { buildStaticPix } from '../../brasil/pix.js';
import type { SandboxSettings } from './settings.js';

export interface BillingProfile {
  bankCode: string;
  beneficiaryName: string;
  beneficiaryDocument: string;
  beneficiaryCity: string;
  beneficiaryState: string;
  pixKey: string;
}

export function billingProfile(settings: SandboxSettings): BillingProfile {
  return {
    bankCode: settings.bank_code,
    beneficiaryName: settings.beneficiary_name,
    beneficiaryDocument: settings.beneficiary_document,
    beneficiaryCity: settings.beneficiary_city,
    beneficiaryState: settings.beneficiary_state,
    pixKey: settings.pix_key ?? settings.beneficiary_document,
  };
}

const WALLET = '109';
const AGENCY = '0057';
const ACCOUNT = '12345';
export const BANK_NAMES: Readonly<Record<string, string>> = {
  '001': 'Banco do Brasil',
  '033': 'Santander',
  '104': 'Caixa Econômica Federal',
  '237': 'Bradesco',
  '341': 'Itaú',
  '748': 'Sicredi',
  '756': 'Sicoob',
  '077': 'Banco Inter',
  '260': 'Nu Pagamentos',
};

/** The 8-digit nosso número of a bill: its id, wrapped at 10^8. */
export function ourNumber(billId: number): string {
  return String(billId % 100_000_000).padStart(8, '0');
}

function ourNumberDigit(billId: number): number {
  return mod10(AGENCY + ACCOUNT + WALLET + ourNumber(billId));
}

/** The nosso número as the bank prints it: wallet/number-DAC, e.g. "109/00001234-5". */
export function ourNumberCode(billId: number): string {
  return `${WALLET}/${ourNumber(billId)}-${ourNumberDigit(billId)}`;
}

export function agencyAccount(): string {
  return `${AGENCY} / ${ACCOUNT}-${mod10(AGENCY + ACCOUNT)}`;
}

/** Campo livre: wallet (3), nosso número (8), its DAC (1), agency (4), account (5), account DAC (1), 000. */
export function freeField(billId: number): string {
  return `${WALLET}${ourNumber(billId)}${ourNumberDigit(billId)}${AGENCY}${ACCOUNT}${mod10(AGENCY + ACCOUNT)}000`;
}

export function billSlip(
  profile: BillingProfile,
  bill: { id: number; dueOn: string; amountCents: number },
): { barcode: string; line: string } {
  const barcode = buildBoletoBarcode({
    bank: profile.bankCode,
    dueDate: bill.dueOn,
    amountCents: bill.amountCents,
    freeField: freeField(bill.id),
  });
  return { barcode, line: barcodeToLine(barcode) };
}

/** The Pix txid of a bill: letters and digits only, at most 25. */
function pixTxid(billId: number): string {
  return `SBXFAT${String(billId).padStart(10, '0')}`;
}

export function billPix(profile: BillingProfile, billId: number, amountCents: number): string {
  return buildStaticPix({
    key: profile.pixKey,
    amountCents,
    txid: pixTxid(billId),
    merchantName: profile.beneficiaryName,
    merchantCity: profile.beneficiaryCity,
  });
}

// IBGE codes of the states, the first two digits of an access key.
const STATE_CODES: Readonly<Record<string, string>> = {
  RO: '11',
  AC: '12',
  AM: '13',
  RR: '14',
  PA: '15',
  AP: '16',
  TO: '17',
  MA: '21',
  PI: '22',
  CE: '23',
  RN: '24',
  PB: '25',
  PE: '26',
  AL: '27',
  SE: '28',
  BA: '29',
  MG: '31',
  ES: '32',
  RJ: '33',
  SP: '35',
  PR: '41',
  SC: '42',
  RS: '43',
  MS: '50',
  MT: '51',
  GO: '52',
  DF: '53',
};

export const INVOICE_MODEL = '62';
export const INVOICE_SERIES = '1';

function stateCode(state: string): string {
  const code = STATE_CODES[state];
  if (code === undefined) throw new RangeError(`unknown state ${state}`);
  return code;
}

/**
 * A plausible NFCom access key: cUF (2), AAMM (4), CNPJ (14), model 62, series (3), number (9),
 * emission type 1, authoriser site 0, a numeric code (7) derived from the number, and the mod-11
 * check digit (remainders 0 and 1 give 0), 44 digits in all.
 */
export function invoiceAccessKey(
  profile: BillingProfile,
  invoice: { issuedOn: string; number: number },
): string {
  const yymm = invoice.issuedOn.slice(2, 4) + invoice.issuedOn.slice(5, 7);
  const numericCode = String((invoice.number * 7_919 + 1_234_567) % 10_000_000).padStart(7, '0');
  const body =
    stateCode(profile.beneficiaryState) +
    yymm +
    profile.beneficiaryDocument +
    INVOICE_MODEL +
    INVOICE_SERIES.padStart(3, '0') +
    String(invoice.number).padStart(9, '0') +
    '1' +
    '0' +
    numericCode;
  return body + String(mod11Arrecadacao(body));
}

/** The 15-digit authorisation protocol (nProt) SEFAZ would have returned. */
export function invoiceProtocol(
  profile: BillingProfile,
  invoice: { issuedOn: string; number: number },
): string {
  return `3${stateCode(profile.beneficiaryState)}${invoice.issuedOn.slice(2, 4)}${String(invoice.number).padStart(10, '0')}`;
}

/**
 * Remembers the codes derived for each bill, so that reading the same bills again (a totem
 * polling, a benchmark) does not recompute check digits and CRCs. Bounded: past `limit` entries
 * the oldest go first. One memo belongs to one BillingProfile.
 */
export class SlipMemo {
  private readonly lines = new Map<string, string>();
  private readonly pixCodes = new Map<string, string>();
  private readonly ourNumbers = new Map<string, string>();
  private readonly accessKeys = new Map<string, string>();

  constructor(
    readonly profile: BillingProfile,
    private readonly limit = 20_000,
  ) {}

  line(bill: { id: number; dueOn: string; amountCents: number }): string {
    const key = `${bill.id}|${bill.dueOn}|${bill.amountCents}`;
    return this.remember(this.lines, key, () => billSlip(this.profile, bill).line);
  }

  accessKey(invoice: { issuedOn: string; number: number }): string {
    const key = `${invoice.number}|${invoice.issuedOn}`;
    return this.remember(this.accessKeys, key, () => invoiceAccessKey(this.profile, invoice));
  }

  ourNumberCode(billId: number): string {
    return this.remember(this.ourNumbers, String(billId), () => ourNumberCode(billId));
  }

  pix(billId: number, amountCents: number): string {
    return this.remember(this.pixCodes, `${billId}|${amountCents}`, () =>
      billPix(this.profile, billId, amountCents),
    );
  }

  private remember(map: Map<string, string>, key: string, compute: () => string): string {
    let value = map.get(key);
    if (value === undefined) {
      value = compute();
      if (map.size >= this.limit) map.delete(map.keys().next().value!);
      map.set(key, value);
    }
    return value;
  }
}
