// Reads a pasted slip number (bank slip or arrecadação, line or barcode, masked or not) and says
// what it is or exactly why it is not valid.

import {
  arrecadacaoBarcodeProblem,
  arrecadacaoLineProblem,
  arrecadacaoLineToBarcode,
  arrecadacaoModulus,
  barcodeToArrecadacaoLine,
} from './arrecadacao.js';
import {
  barcodeToLine,
  boletoBarcodeProblem,
  boletoLineProblem,
  dateFromDueFactor,
  lineToBarcode,
} from './boleto.js';
import { isIsoDate, todayInBrazil } from './dates.js';

export type SlipResult =
  | {
      ok: true;
      kind: 'boleto';
      bank: string;
      currency: string;
      dueFactor: string;
      dueDate: string | null;
      amountCents: number;
      freeField: string;
      barcode: string;
      line: string;
    }
  | {
      ok: true;
      kind: 'arrecadacao';
      segment: string;
      valueType: 'amount' | 'reference';
      modulus: 10 | 11;
      amountCents: number;
      barcode: string;
      line: string;
    }
  | { ok: false; kind: 'boleto' | 'arrecadacao' | null; reason: string };

// Masks use dots, dashes and spaces; PDFs and word processors turn hyphens into Unicode dashes.
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/g;

function failure(kind: 'boleto' | 'arrecadacao' | null, reason: string): SlipResult {
  return { ok: false, kind, reason };
}

function boletoResult(barcode: string, line: string, referenceDate: string): SlipResult {
  const dueFactor = barcode.slice(5, 9);
  const dueDate = dateFromDueFactor(dueFactor, referenceDate);
  // 0001–0999 pass the check digits but no real slip carries them: the count started at 1000.
  if (dueDate === null && dueFactor !== '0000') {
    return failure('boleto', `due factor ${dueFactor} is below 1000 and stands for no date`);
  }
  return {
    ok: true,
    kind: 'boleto',
    bank: barcode.slice(0, 3),
    currency: barcode.charAt(3),
    dueFactor,
    dueDate,
    amountCents: Number(barcode.slice(9, 19)),
    freeField: barcode.slice(19, 44),
    barcode,
    line,
  };
}

function arrecadacaoResult(barcode: string, line: string): SlipResult {
  const valueIdentifier = barcode.charAt(2);
  return {
    ok: true,
    kind: 'arrecadacao',
    segment: barcode.charAt(1),
    valueType: valueIdentifier === '6' || valueIdentifier === '8' ? 'amount' : 'reference',
    modulus: arrecadacaoModulus(valueIdentifier)!,
    amountCents: Number(barcode.slice(4, 15)),
    barcode,
    line,
  };
}

/**
 * 47 digits are a bank slip line, 48 an arrecadação line, 44 a barcode (arrecadação when it starts
 * with 8). `referenceDate` (default: today in Brazil) picks the due-factor cycle.
 */
export function parseSlip(input: string, options?: { referenceDate?: string }): SlipResult {
  const referenceDate = options?.referenceDate ?? todayInBrazil();
  if (!isIsoDate(referenceDate)) {
    throw new RangeError(`reference date must be YYYY-MM-DD, got "${referenceDate}"`);
  }
  const digits = input.replace(SEPARATORS, '');
  const stray = /\D/.exec(digits);
  if (stray) {
    return failure(null, `unexpected character "${stray[0]}" (only digits, dots, dashes and spaces)`);
  }

  if (digits.length === 47) {
    const problem = boletoLineProblem(digits);
    return problem ? failure('boleto', problem) : boletoResult(lineToBarcode(digits), digits, referenceDate);
  }
  if (digits.length === 48) {
    const problem = arrecadacaoLineProblem(digits);
    return problem
      ? failure('arrecadacao', problem)
      : arrecadacaoResult(arrecadacaoLineToBarcode(digits), digits);
  }
  if (digits.length === 44 && digits.startsWith('8')) {
    const problem = arrecadacaoBarcodeProblem(digits);
    return problem
      ? failure('arrecadacao', problem)
      : arrecadacaoResult(digits, barcodeToArrecadacaoLine(digits));
  }
  if (digits.length === 44) {
    const problem = boletoBarcodeProblem(digits);
    return problem ? failure('boleto', problem) : boletoResult(digits, barcodeToLine(digits), referenceDate);
  }
  return failure(null, `expected 44, 47 or 48 digits, got ${digits.length}`);
}
