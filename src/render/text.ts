// Text helpers for pdfkit's standard (AFM) fonts. Those fonts only know the WinAnsi character set and
// pdfkit writes any other character as garbage, so every string is reduced to WinAnsi first. Lines are
// measured and placed by hand (pdfkit's own line wrapper is the slow part of a render).
import { toDayNumber } from '../brasil/dates.js';

export type FontName = 'Helvetica' | 'Helvetica-Bold';

// Characters outside Latin-1 that WinAnsi still has (positions 0x80–0x9F).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/** The text with control characters as spaces and anything else WinAnsi lacks stripped of accents or as '?'. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (isWinAnsi(char)) out += char;
    else if (/\s|\p{Cc}/u.test(char)) out += ' ';
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += [...base].every(isWinAnsi) && base !== '' ? base : '?';
    }
  }
  return out;
}

export interface TextStyle {
  font?: FontName;
  size: number;
  align?: 'left' | 'right' | 'center';
  /** Width of the line the text is aligned within and cut to (with an ellipsis). */
  width?: number;
}

/** Writes one line with its top at y; never wraps. */
export function textAt(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, style: TextStyle): void {
  pdf.font(style.font ?? 'Helvetica').fontSize(style.size);
  let line = toWinAnsi(text);
  let left = x;
  if (style.width !== undefined) {
    let lineWidth = pdf.widthOfString(line);
    if (lineWidth > style.width) {
      line = truncate(pdf, line, style.width);
      lineWidth = pdf.widthOfString(line);
    }
    const free = style.width - lineWidth;
    if (style.align === 'right') left += free;
    else if (style.align === 'center') left += free / 2;
  }
  pdf.text(line, left, y, { lineBreak: false });
}

function truncate(pdf: PDFKit.PDFDocument, line: string, width: number): string {
  let cut = line;
  while (cut.length > 0 && pdf.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Breaks text into lines no wider than `width` in the given font, at spaces where possible and inside
 * words longer than a line (such as a Pix payload). Line widths are kept as running sums (each piece's
 * width plus the kerning where it meets the line) because measuring every candidate line whole made
 * long payloads quadratic.
 */
export function wrapText(
  pdf: PDFKit.PDFDocument,
  text: string,
  width: number,
  font: FontName,
  size: number,
): string[] {
  pdf.font(font).fontSize(size);
  const lines: string[] = [];
  let current = '';
  let used = 0;
  const widthAfter = (piece: string): number =>
    current === ''
      ? pdf.widthOfString(piece)
      : used + pdf.widthOfString(piece) + kerning(pdf, current, piece);
  const flush = (): void => {
    if (current !== '') lines.push(current);
    current = '';
    used = 0;
  };
  for (const word of toWinAnsi(text)
    .split(' ')
    .filter((w) => w !== '')) {
    const joined = widthAfter(` ${word}`);
    if (current !== '' && joined <= width) {
      current += ` ${word}`;
      used = joined;
      continue;
    }
    flush();
    for (const char of word) {
      const next = widthAfter(char);
      if (current !== '' && next > width) {
        flush();
        current = char;
        used = pdf.widthOfString(char);
        continue;
      }
      current += char;
      used = next;
    }
  }
  flush();
  return lines;
}

/** The kerning adjustment between the last character of `left` and the first of `right`. */
function kerning(pdf: PDFKit.PDFDocument, left: string, right: string): number {
  const a = left.slice(-1);
  const b = right.charAt(0);
  return pdf.widthOfString(a + b) - pdf.widthOfString(a) - pdf.widthOfString(b);
}

/** 2026-01-10 -> 10/01/2026. */
export function formatDateBR(iso: string): string {
  if (toDayNumber(iso) === null) throw new RangeError(`not a valid date (YYYY-MM-DD): ${iso}`);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
