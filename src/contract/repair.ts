// Repairs bills that failed the output schema (the repairOutput of list_bills and get_bill: the
// gateway checks every answer once and calls this only on a failure): a linha digitável whose check digits fail or a Pix code whose CRC fails
// is replaced by '' with a warning (a wrong barcode printed on a totem is worse than none), a
// 44-digit barcode becomes its line, and amounts that do not add up to the cent are the ERP's
// contradiction (ERP_BAD_RESPONSE), not our bug. Anything else malformed is left for the schema.
import { PonteError } from './errors.js';
import { parseMoney } from '../brasil/money.js';
import { isValidPix } from '../brasil/pix.js';
import { parseSlip } from '../brasil/slip.js';

type Row = Record<string, unknown>;

function cents(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const parsed = parseMoney(value);
  return parsed.ok ? parsed.cents : null;
}

function sanitizeBill(bill: Row, warn: (message: string) => void): Row {
  const out = { ...bill };
  const id = typeof bill.fatura === 'string' ? bill.fatura : '?';
  if (typeof out.linha_digitavel === 'string' && out.linha_digitavel !== '') {
    const slip = parseSlip(out.linha_digitavel);
    if (slip.ok) {
      // ERPs also send it formatted, or as the 44-digit barcode: the contract wants the line's digits.
      out.linha_digitavel = slip.line;
    } else {
      warn(`bill ${id}: linha digitável failed its check digits and was removed`);
      out.linha_digitavel = '';
    }
  }
  if (typeof out.pix_code === 'string' && out.pix_code !== '' && !isValidPix(out.pix_code)) {
    warn(`bill ${id}: Pix code failed its CRC or structure and was removed`);
    out.pix_code = '';
  }
  const parts = [out.valor_inicial, out.juros, out.multa, out.desconto ?? '0.00', out.valor_final].map(cents);
  if (parts.every((p) => p !== null)) {
    const [initial, interest, fine, discount, final] = parts;
    if (initial! + interest! + fine! - discount! !== final) {
      throw new PonteError(
        'ERP_BAD_RESPONSE',
        `bill ${id}: valor_final ${String(out.valor_final)} is not valor_inicial + juros + multa - desconto`,
      );
    }
  }
  return out;
}

/** Sanitises a list of bills as a provider returned it (before output validation). */
export function repairBills(raw: unknown, warn: (message: string) => void): unknown {
  if (!Array.isArray(raw)) return raw;
  return raw.map((b: unknown) => (b !== null && typeof b === 'object' ? sanitizeBill(b as Row, warn) : b));
}
