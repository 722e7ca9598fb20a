// The invoice as an A4 PDF laid out like a DANFE-COM (issuer, customer, identification, access key,
// items, totals, and the bill's payment data). Only an authorised note may look like a fiscal document:
// anything else is titled "Fatura" and marked "SEM VALOR FISCAL".
import { formatArrecadacaoLine } from '../brasil/arrecadacao.js';
import { formatBoletoLine } from '../brasil/boleto.js';
import { formatMoneyBRL } from '../brasil/money.js';
import { drawField, row } from './fields.js';
import type { Box } from './fields.js';
import { describeParty, labelDocument } from './party.js';
import type { Party } from './party.js';
import { createPdf, finishPdf } from './pdf-document.js';
import type { PdfOptions } from './pdf-document.js';
import { drawQrCode } from './qr.js';
import { formatDateBR, textAt, wrapText } from './text.js';

export type { Party } from './party.js';
export type { PdfOptions } from './pdf-document.js';

export interface InvoiceItem {
  description: string;
  quantity: number;
  unitCents: number;
  totalCents: number;
}

export interface InvoiceDocument {
  issuer: Party & { stateRegistration?: string };
  customer: Party & { customerCode?: string };
  number: string;
  series: string;
  model: string;
  issueDate: string;
  /** 44 digits, or '' when the note has none yet. */
  accessKey: string;
  authorized: boolean;
  authorizationProtocol?: string;
  items: InvoiceItem[];
  totalCents: number;
  dueDate?: string;
  /** The bill's linha digitável: 47 digits (bank slip) or 48 (arrecadação). */
  line?: string;
  pixCode?: string;
}

const PAGE_HEIGHT = 841.89;
const MARGIN = 28;
const WIDTH = 595.28 - 2 * MARGIN;
const BOTTOM = PAGE_HEIGHT - MARGIN;
const ROW = 24;
const TITLE_WIDTH = 200;
const ITEM_ROW = 14;
const ITEM_COLUMNS = [WIDTH - 250, 70, 90, 90];
const PAYMENT_HEIGHT = 150;
const QR_SIZE = 100;
const NOT_FISCAL = 'SEM VALOR FISCAL';

export async function renderInvoicePdf(doc: InvoiceDocument, options: PdfOptions = {}): Promise<Buffer> {
  if (doc.accessKey !== '' && !/^\d{44}$/.test(doc.accessKey)) {
    throw new RangeError('accessKey must be 44 digits or empty');
  }
  const line = formatLine(doc.line);
  const pdf = createPdf(
    {
      title: titleOf(doc),
      author: doc.issuer.name,
      date: doc.issueDate,
    },
    options,
  );
  pdf.lineWidth(0.5);
  drawFooter(pdf, doc);
  let y = drawHeader(pdf, doc, MARGIN);
  y = drawItems(pdf, doc, y + 8);
  if (line !== '' || hasPix(doc) || doc.dueDate !== undefined) {
    if (y + 8 + PAYMENT_HEIGHT > BOTTOM) y = continuationPage(pdf, doc) - 8;
    drawPayment(pdf, doc, line, y + 8);
  }
  return await finishPdf(pdf);
}

function titleOf(doc: InvoiceDocument): string {
  return `${doc.authorized ? 'DANFE-COM' : 'Fatura'} nº ${doc.number}`;
}

/** Unless the note is authorised, every page says that it has no fiscal value. */
function drawFooter(pdf: PDFKit.PDFDocument, doc: InvoiceDocument): void {
  if (doc.authorized) return;
  textAt(pdf, `${NOT_FISCAL}: este demonstrativo não substitui a nota fiscal.`, MARGIN, BOTTOM + 6, {
    font: 'Helvetica-Bold',
    size: 7,
    width: WIDTH,
  });
}

/** Starts a new page with a one-line heading; returns where its content starts. */
function continuationPage(pdf: PDFKit.PDFDocument, doc: InvoiceDocument): number {
  pdf.addPage();
  drawFooter(pdf, doc);
  textAt(pdf, `${titleOf(doc)} (continuação)`, MARGIN, MARGIN, { font: 'Helvetica-Bold', size: 9 });
  return MARGIN + 16;
}

function hasPix(doc: InvoiceDocument): doc is InvoiceDocument & { pixCode: string } {
  return doc.pixCode !== undefined && doc.pixCode !== '';
}

function formatLine(line: string | undefined): string {
  if (line === undefined || line === '') return '';
  if (/^\d{47}$/.test(line)) return formatBoletoLine(line);
  if (/^\d{48}$/.test(line)) return formatArrecadacaoLine(line);
  throw new RangeError('line must be 47 or 48 digits');
}

/** "3526 0112 …": the access key in groups of four, as DANFEs print it. */
function formatAccessKey(key: string): string {
  return key.replace(/(\d{4})(?=\d)/g, '$1 ');
}

function formatQuantity(quantity: number): string {
  if (Number.isInteger(quantity)) return String(quantity);
  return quantity.toFixed(4).replace(/0+$/, '').replace('.', ',');
}

function drawHeader(pdf: PDFKit.PDFDocument, doc: InvoiceDocument, top: number): number {
  const { issuer, customer } = doc;
  const headerHeight = 70;
  const [issuerBox, titleBox] = row(MARGIN, top, headerHeight, [WIDTH - TITLE_WIDTH, TITLE_WIDTH]) as [
    Box,
    Box,
  ];
  pdf.rect(issuerBox.x, issuerBox.y, issuerBox.w, issuerBox.h).stroke();
  const textWidth = issuerBox.w - 10;
  textAt(pdf, issuer.name, issuerBox.x + 5, top + 6, { font: 'Helvetica-Bold', size: 11, width: textWidth });
  const registration = issuer.stateRegistration ? `   IE ${issuer.stateRegistration}` : '';
  textAt(pdf, labelDocument(issuer.document) + registration, issuerBox.x + 5, top + 21, {
    size: 8,
    width: textWidth,
  });
  wrapText(pdf, issuer.address ?? '', textWidth, 'Helvetica', 7.5)
    .slice(0, 3)
    .forEach((text, i) => textAt(pdf, text, issuerBox.x + 5, top + 33 + i * 9, { size: 7.5 }));

  pdf.rect(titleBox.x, titleBox.y, titleBox.w, titleBox.h).stroke();
  const center = { align: 'center', width: titleBox.w - 10 } as const;
  if (doc.authorized) {
    textAt(pdf, 'DANFE-COM', titleBox.x + 5, top + 8, { ...center, font: 'Helvetica-Bold', size: 14 });
    wrapText(
      pdf,
      'Documento Auxiliar da Nota Fiscal Fatura de Serviços de Comunicação Eletrônica',
      titleBox.w - 10,
      'Helvetica',
      7,
    ).forEach((text, i) => textAt(pdf, text, titleBox.x + 5, top + 28 + i * 9, { ...center, size: 7 }));
  } else {
    textAt(pdf, 'FATURA', titleBox.x + 5, top + 10, { ...center, font: 'Helvetica-Bold', size: 14 });
    pdf.fillColor('#b00000');
    textAt(pdf, NOT_FISCAL, titleBox.x + 5, top + 34, { ...center, font: 'Helvetica-Bold', size: 12 });
    pdf.fillColor('black');
  }
  let y = top + headerHeight;

  const identification = row(MARGIN, y, ROW, [60, 60, 120, 100, WIDTH - 340]) as [Box, Box, Box, Box, Box];
  drawField(pdf, identification[0], 'Modelo', [doc.model]);
  drawField(pdf, identification[1], 'Série', [doc.series]);
  drawField(pdf, identification[2], 'Número', [doc.number]);
  drawField(pdf, identification[3], 'Data de Emissão', [formatDateBR(doc.issueDate)]);
  drawField(pdf, identification[4], 'Vencimento', [
    doc.dueDate === undefined ? '' : formatDateBR(doc.dueDate),
  ]);
  y += ROW;

  if (doc.accessKey !== '') {
    const key = [formatAccessKey(doc.accessKey)];
    const bold = { font: 'Helvetica-Bold', size: 9 } as const;
    if (doc.authorized) {
      const [keyBox, protocolBox] = row(MARGIN, y, ROW, [WIDTH - TITLE_WIDTH, TITLE_WIDTH]) as [Box, Box];
      drawField(pdf, keyBox, 'Chave de Acesso', key, bold);
      drawField(pdf, protocolBox, 'Protocolo de Autorização', [doc.authorizationProtocol ?? '']);
    } else {
      drawField(pdf, { x: MARGIN, y, w: WIDTH, h: ROW }, 'Chave de Acesso', key, bold);
    }
    y += ROW;
  }

  const customerLines = [describeParty(customer), customer.address ?? ''];
  if (customer.customerCode) customerLines.push(`Código do assinante: ${customer.customerCode}`);
  drawField(
    pdf,
    { x: MARGIN, y, w: WIDTH, h: 14 + 9.5 * customerLines.length },
    'Destinatário / Assinante',
    customerLines,
  );
  return y + 14 + 9.5 * customerLines.length;
}

function drawItemsHeader(pdf: PDFKit.PDFDocument, y: number): number {
  const boxes = row(MARGIN, y, ITEM_ROW, ITEM_COLUMNS);
  pdf.rect(MARGIN, y, WIDTH, ITEM_ROW).fillAndStroke('#e6e6e6', 'black');
  pdf.fillColor('black');
  ['Descrição', 'Quantidade', 'Valor Unitário', 'Valor Total'].forEach((label, i) => {
    const box = boxes[i]!;
    const align = i === 0 ? 'left' : 'right';
    textAt(pdf, label, box.x + 3, y + 4, { font: 'Helvetica-Bold', size: 7, align, width: box.w - 6 });
  });
  return y + ITEM_ROW;
}

function drawItems(pdf: PDFKit.PDFDocument, doc: InvoiceDocument, top: number): number {
  let y = drawItemsHeader(pdf, top);
  for (const item of doc.items) {
    if (y + ITEM_ROW > BOTTOM) y = drawItemsHeader(pdf, continuationPage(pdf, doc));
    const cells = [
      item.description,
      formatQuantity(item.quantity),
      formatMoneyBRL(item.unitCents),
      formatMoneyBRL(item.totalCents),
    ];
    row(MARGIN, y, ITEM_ROW, ITEM_COLUMNS).forEach((box, i) => {
      const align = i === 0 ? 'left' : 'right';
      textAt(pdf, cells[i]!, box.x + 3, y + 4, { size: 7.5, align, width: box.w - 6 });
    });
    pdf
      .moveTo(MARGIN, y + ITEM_ROW)
      .lineTo(MARGIN + WIDTH, y + ITEM_ROW)
      .stroke();
    y += ITEM_ROW;
  }
  if (y + ROW > BOTTOM) y = continuationPage(pdf, doc);
  const [, total] = row(MARGIN, y, ROW, [WIDTH - 140, 140]) as [Box, Box];
  drawField(pdf, total, 'Valor Total da Fatura', [formatMoneyBRL(doc.totalCents)], {
    align: 'right',
    font: 'Helvetica-Bold',
  });
  return y + ROW;
}

function drawPayment(pdf: PDFKit.PDFDocument, doc: InvoiceDocument, line: string, top: number): void {
  const box = { x: MARGIN, y: top, w: WIDTH, h: PAYMENT_HEIGHT };
  pdf.rect(box.x, box.y, box.w, box.h).stroke();
  textAt(pdf, 'Dados para Pagamento', box.x + 5, top + 5, { font: 'Helvetica-Bold', size: 9 });
  const details = [
    doc.dueDate === undefined ? '' : `Vencimento: ${formatDateBR(doc.dueDate)}`,
    `Valor: ${formatMoneyBRL(doc.totalCents)}`,
  ].filter((s) => s !== '');
  textAt(pdf, details.join('     '), box.x + 5, top + 19, { size: 8.5 });

  const textX = hasPix(doc) ? box.x + QR_SIZE + 20 : box.x + 5;
  const textWidth = box.x + box.w - textX - 5;
  let y = top + 36;
  if (line !== '') {
    textAt(pdf, 'Linha digitável', textX, y, { size: 6.5 });
    textAt(pdf, line, textX, y + 9, { font: 'Helvetica-Bold', size: 10.5, width: textWidth });
    y += 28;
  }
  if (hasPix(doc)) {
    drawQrCode(pdf, doc.pixCode, box.x + 10, top + (PAYMENT_HEIGHT - QR_SIZE) / 2 + 8, QR_SIZE);
    textAt(pdf, 'Pix Copia e Cola', textX, y, { size: 6.5 });
    y += 9;
    const room = Math.floor((top + PAYMENT_HEIGHT - 4 - y) / 8.5);
    for (const text of wrapText(pdf, doc.pixCode, textWidth, 'Helvetica', 7).slice(0, room)) {
      textAt(pdf, text, textX, y, { size: 7 });
      y += 8.5;
    }
  }
}
