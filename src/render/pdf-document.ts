// One place that creates pdfkit documents, so every rendered PDF is A4, uses only the standard
// Helvetica fonts and is byte-for-byte reproducible: pdfkit derives the file ID from the info
// dictionary, so fixing the dates there removes the only source of variation.
import PDFDocument from 'pdfkit';
import { isIsoDate } from '../brasil/dates.js';

export interface PdfOptions {
  /** Deflate the content streams (default true). Off makes the drawing operators readable in tests. */
  compress?: boolean;
}

export interface PdfMetadata {
  title: string;
  author: string;
  /** ISO date used as both creation and modification date. */
  date: string;
}

export function createPdf(meta: PdfMetadata, options: PdfOptions = {}): PDFKit.PDFDocument {
  if (!isIsoDate(meta.date)) throw new RangeError(`not a valid date (YYYY-MM-DD): ${meta.date}`);
  const date = new Date(`${meta.date}T00:00:00Z`);
  return new PDFDocument({
    size: 'A4',
    margin: 0,
    compress: options.compress ?? true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Creator: 'Ponte',
      Producer: 'Ponte',
      CreationDate: date,
      ModDate: date,
    },
  });
}

/** Ends the document and collects its bytes. */
export function finishPdf(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
