// The labelled boxes both documents are built from: a thin frame, a small caption at the top left
// and one or more value lines below it.
import { textAt } from './text.js';
import type { FontName } from './text.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const LABEL_SIZE = 5.5;
const VALUE_SIZE = 8;
const PAD = 2.5;
const LINE_GAP = 1.5;

export interface FieldStyle {
  align?: 'left' | 'right';
  font?: FontName;
  size?: number;
}

export function drawField(
  pdf: PDFKit.PDFDocument,
  box: Box,
  label: string,
  lines: readonly string[],
  style: FieldStyle = {},
): void {
  pdf.rect(box.x, box.y, box.w, box.h).stroke();
  const width = box.w - 2 * PAD;
  textAt(pdf, label, box.x + PAD, box.y + PAD, { size: LABEL_SIZE, width });
  const size = style.size ?? VALUE_SIZE;
  let y = box.y + PAD + LABEL_SIZE + LINE_GAP + 0.5;
  for (const line of lines) {
    textAt(pdf, line, box.x + PAD, y, {
      size,
      font: style.font ?? 'Helvetica',
      align: style.align ?? 'left',
      width,
    });
    y += size + LINE_GAP;
  }
}

/** Boxes side by side, left to right, with the given widths. */
export function row(x: number, y: number, h: number, widths: readonly number[]): Box[] {
  const boxes: Box[] = [];
  let left = x;
  for (const w of widths) {
    boxes.push({ x: left, y, w, h });
    left += w;
  }
  return boxes;
}
