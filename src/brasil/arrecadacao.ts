// Arrecadação (convênio) slips: utilities, telecoms, taxes. The barcode starts with 8 and the
// 48-digit line is four 11-digit blocks, each followed by its DV. See research/standards.md §1.5.

import { mod10, mod11Arrecadacao } from './modulo.js';

const BARCODE = /^\d{44}$/;
const LINE = /^\d{48}$/;
const BLOCK = 11;

/** 10 or 11 from the value identifier (position 3), or null when it is not one of 6–9. */
export function arrecadacaoModulus(valueIdentifier: string): 10 | 11 | null {
  if (valueIdentifier === '6' || valueIdentifier === '7') return 10;
  if (valueIdentifier === '8' || valueIdentifier === '9') return 11;
  return null;
}

export function arrecadacaoCheckDigit(digits: string, modulus: 10 | 11): number {
  return modulus === 10 ? mod10(digits) : mod11Arrecadacao(digits);
}

// Structural checks shared by the barcode and the line: both start with the barcode's first 3 digits.
function headerProblem(digits: string): string | null {
  const product = digits.charAt(0);
  if (product !== '8') return `arrecadação slip must start with 8, got ${product}`;
  const segment = digits.charAt(1);
  if (segment === '0' || segment === '8') return `segment (position 2) is ${segment}, expected 1-7 or 9`;
  const valueIdentifier = digits.charAt(2);
  if (arrecadacaoModulus(valueIdentifier) === null) {
    return `value identifier (position 3) is ${valueIdentifier}, expected 6, 7, 8 or 9`;
  }
  return null;
}

function modulusOf(barcode: string): 10 | 11 {
  const modulus = arrecadacaoModulus(barcode.charAt(2));
  if (modulus === null) {
    throw new RangeError(`value identifier (position 3) must be 6, 7, 8 or 9, got "${barcode.charAt(2)}"`);
  }
  return modulus;
}

function generalDigitProblem(barcode: string): string | null {
  const modulus = modulusOf(barcode);
  const expected = arrecadacaoCheckDigit(barcode.slice(0, 3) + barcode.slice(4), modulus);
  const actual = barcode.charAt(3);
  return actual === String(expected) ? null : `DV geral (mod ${modulus}) is ${actual}, expected ${expected}`;
}

export function barcodeToArrecadacaoLine(barcode: string): string {
  if (!BARCODE.test(barcode)) throw new RangeError(`barcode must be 44 digits, got "${barcode}"`);
  const modulus = modulusOf(barcode);
  let line = '';
  for (let start = 0; start < barcode.length; start += BLOCK) {
    const block = barcode.slice(start, start + BLOCK);
    line += block + String(arrecadacaoCheckDigit(block, modulus));
  }
  return line;
}

function requireLine(line: string): void {
  if (!LINE.test(line)) throw new RangeError(`arrecadação line must be 48 digits, got "${line}"`);
}

export function arrecadacaoLineToBarcode(line: string): string {
  requireLine(line);
  let barcode = '';
  for (let start = 0; start < line.length; start += BLOCK + 1) barcode += line.slice(start, start + BLOCK);
  return barcode;
}

export function formatArrecadacaoLine(line: string): string {
  requireLine(line);
  const blocks: string[] = [];
  for (let start = 0; start < line.length; start += BLOCK + 1) {
    blocks.push(`${line.slice(start, start + BLOCK)}-${line.charAt(start + BLOCK)}`);
  }
  return blocks.join(' ');
}

/** Why the 44-digit barcode is not a valid arrecadação barcode, or null when it is. */
export function arrecadacaoBarcodeProblem(barcode: string): string | null {
  if (!BARCODE.test(barcode)) return 'arrecadação barcode must be 44 digits';
  return headerProblem(barcode) ?? generalDigitProblem(barcode);
}

/** Why the 48-digit line is not a valid arrecadação line, or null when it is. */
export function arrecadacaoLineProblem(line: string): string | null {
  if (!LINE.test(line)) return 'arrecadação line must be 48 digits';
  const header = headerProblem(line);
  if (header !== null) return header;
  const modulus = modulusOf(line);
  for (let index = 0; index < 4; index++) {
    const start = index * (BLOCK + 1);
    const expected = arrecadacaoCheckDigit(line.slice(start, start + BLOCK), modulus);
    const actual = line.charAt(start + BLOCK);
    if (actual !== String(expected)) {
      return `block ${index + 1} DV (mod ${modulus}) is ${actual}, expected ${expected}`;
    }
  }
  return generalDigitProblem(arrecadacaoLineToBarcode(line));
}

export function isValidArrecadacaoBarcode(barcode: string): boolean {
  return arrecadacaoBarcodeProblem(barcode) === null;
}

export function isValidArrecadacaoLine(line: string): boolean {
  return arrecadacaoLineProblem(line) === null;
}
