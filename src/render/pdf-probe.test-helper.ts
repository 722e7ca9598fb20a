// Reads rendered PDFs back for the render tests: the text a viewer would extract (through pdf.js) and
// the filled rectangles of uncompressed content streams.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page, its items joined by single spaces. */
export async function extractPageTexts(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .filter((s) => s !== '')
          .join(' '),
      );
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Rectangles (`re`) that end up filled, in drawing order, from every uncompressed stream in the file. */
export function filledRects(pdf: Buffer): Rect[] {
  const filled: Rect[] = [];
  const text = pdf.toString('latin1');
  for (const match of text.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    let numbers: number[] = [];
    let path: Rect[] = [];
    for (const token of (match[1] ?? '').split(/\s+/)) {
      if (/^-?\d*\.?\d+$/.test(token)) {
        numbers.push(Number(token));
        continue;
      }
      if (token === 're') {
        const [x, y, w, h] = numbers.slice(-4) as [number, number, number, number];
        path.push({ x, y, w, h });
      } else if (token === 'f' || token === 'f*' || token === 'B' || token === 'b') {
        filled.push(...path);
        path = [];
      } else if (token === 'S' || token === 's' || token === 'n') {
        path = [];
      }
      numbers = [];
    }
  }
  return filled;
}
