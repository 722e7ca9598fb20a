// QR codes drawn as vector rectangles: sharp at any zoom, no PNG encoding/decoding per render, and the
// same text always yields the same drawing operators.
import QRCode from 'qrcode';

/** Draws `text` as a QR code (error correction M) filling a `size`×`size` square at (x, y), no quiet zone. */
export function drawQrCode(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const module = size / count;
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      // Runs of dark modules become one rectangle: fewer operators, smaller file.
      const start = col;
      while (col < count && modules.get(row, col)) col++;
      pdf.rect(x + start * module, y + row * module, (col - start) * module, module);
    }
  }
  pdf.fill('black');
}
