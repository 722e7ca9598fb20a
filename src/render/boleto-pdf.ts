// The boleto as a one-page A4 PDF: the payer's receipt (recibo do pagador) on top, a cut line, and the
// FEBRABAN ficha de compensação at the bottom with the ITF barcode, drawn as vector bars.
import { barcodeToLine, boletoBarcodeProblem, formatBoletoLine } from '../brasil/boleto.js';
import { formatMoneyBRL } from '../brasil/money.js';
import { mod11Remainder } from '../brasil/modulo.js';
import { drawField, LABEL_SIZE, row } from './fields.js';
import type { Box } from './fields.js';
import { itfBars } from './itf.js';
import { createPdf, finishPdf } from './pdf-document.js';
import type { PdfOptions } from './pdf-document.js';
import { drawQrCode } from './qr.js';
import { describeParty } from './party.js';
import type { Party } from './party.js';
import { formatDateBR, textAt, wrapText } from './text.js';

export type { Party } from './party.js';
export type { PdfOptions } from './pdf-document.js';

export interface BoletoDocument {
  bankCode: string;
  bankName: string;
  beneficiary: Party;
  payer: Party;
  agencyAccount: string;
  ourNumber: string;
  documentNumber: string;
  issueDate: string;
  dueDate: string;
  amountCents: number;
  /** The 44 digits; the linha digitável is derived from it. */
  barcode: string;
  /** Pix BR Code (EMV payload); when present a QR code is drawn. */
  pixCode?: string;
  instructions?: string[];
  description?: string;
}

const PAGE_HEIGHT = 841.89;
const MARGIN = 28;
const WIDTH = 595.28 - 2 * MARGIN;
const RIGHT_COLUMN = 140;
const LEFT_COLUMN = WIDTH - RIGHT_COLUMN;

/** FEBRABAN: narrow bar 0.254 mm (405 narrow units make the 103 mm symbol), height 13 mm. */
export const BARCODE_NARROW = (0.254 / 25.4) * 72;
export const BARCODE_HEIGHT = (13 / 25.4) * 72;

// Heights of the ficha's parts, top to bottom; its top is placed so the barcode ends at the bottom margin.
const HEADER = 24;
const ROW = 22;
const TALL_ROW = 30;
const SIDE_ROW = 20;
const SIDE_LABELS = [
  '(-) Desconto / Abatimento',
  '(-) Outras deduções',
  '(+) Mora / Multa',
  '(+) Outros acréscimos',
  '(=) Valor cobrado',
];
const INSTRUCTIONS = SIDE_ROW * SIDE_LABELS.length;
const PAYER_ROW = 34;
const AUTHENTICATION = 14;
const FICHA_HEIGHT =
  HEADER + ROW + TALL_ROW + 2 * ROW + INSTRUCTIONS + PAYER_ROW + AUTHENTICATION + BARCODE_HEIGHT;
const FICHA_TOP = PAGE_HEIGHT - MARGIN - FICHA_HEIGHT;

const PIX_BOX = 128;
const QR_SIZE = 110;

// Value styles: amounts, dates and numbers sit at the right of their box; the ones a payer looks for first are bold.
const right = { align: 'right' } as const;
const bold = { align: 'right', font: 'Helvetica-Bold' } as const;

export async function renderBoletoPdf(doc: BoletoDocument, options: PdfOptions = {}): Promise<Buffer> {
  const problem = boletoBarcodeProblem(doc.barcode);
  if (problem !== null) throw new RangeError(`invalid boleto barcode: ${problem}`);
  if (!Number.isSafeInteger(doc.amountCents) || doc.amountCents < 0) {
    throw new RangeError(`amountCents must be a non-negative integer, got ${doc.amountCents}`);
  }
  const slip: Slip = {
    doc,
    bank: bankWithCheckDigit(doc.bankCode, doc.barcode),
    line: formatBoletoLine(barcodeToLine(doc.barcode)),
    amount: formatMoneyBRL(doc.amountCents),
    dueDate: formatDateBR(doc.dueDate),
    issueDate: formatDateBR(doc.issueDate),
  };
  const pdf = createPdf(
    { title: `Boleto ${doc.documentNumber}`, author: doc.beneficiary.name, date: doc.issueDate },
    options,
  );
  pdf.lineWidth(0.5);
  drawReceipt(pdf, slip);
  drawCutLine(pdf, FICHA_TOP - 14);
  drawFicha(pdf, slip);
  return await finishPdf(pdf);
}

interface Slip {
  doc: BoletoDocument;
  bank: string;
  line: string;
  amount: string;
  dueDate: string;
  issueDate: string;
}

/**
 * "104-0": the bank code with its modulo-11 check digit, where 10 and 11 give 0, except at Sicredi
 * (748), which prints 10 as X. A code given with its digit ("748-X") is kept as given.
 */
function bankWithCheckDigit(bankCode: string, barcode: string): string {
  const match = /^(\d{3})(?:-([\dX]))?$/.exec(bankCode);
  if (!match)
    throw new RangeError(`bankCode must be 3 digits, optionally with "-" and its digit: ${bankCode}`);
  const code = match[1]!;
  if (!barcode.startsWith(code)) throw new RangeError(`barcode does not belong to bank ${code}`);
  if (match[2] !== undefined) return bankCode;
  const digit = 11 - mod11Remainder(code);
  if (digit < 10) return `${code}-${digit}`;
  return digit === 10 && code === '748' ? `${code}-X` : `${code}-0`;
}

function drawBankHeader(pdf: PDFKit.PDFDocument, y: number, slip: Slip, rightText: string): void {
  textAt(pdf, slip.doc.bankName, MARGIN, y + 7, { font: 'Helvetica-Bold', size: 11, width: 128 });
  const codeX = MARGIN + 132;
  pdf
    .moveTo(codeX, y + 2)
    .lineTo(codeX, y + HEADER)
    .moveTo(codeX + 56, y + 2)
    .lineTo(codeX + 56, y + HEADER)
    .stroke();
  textAt(pdf, slip.bank, codeX, y + 5, { font: 'Helvetica-Bold', size: 15, align: 'center', width: 56 });
  const textX = codeX + 62;
  textAt(pdf, rightText, textX, y + 7, {
    font: 'Helvetica-Bold',
    size: 11,
    align: 'right',
    width: MARGIN + WIDTH - textX,
  });
  pdf
    .lineWidth(1.5)
    .moveTo(MARGIN, y + HEADER)
    .lineTo(MARGIN + WIDTH, y + HEADER)
    .stroke()
    .lineWidth(0.5);
}

function drawReceipt(pdf: PDFKit.PDFDocument, slip: Slip): void {
  const { doc } = slip;
  textAt(pdf, 'Recibo do Pagador', MARGIN, MARGIN, {
    font: 'Helvetica-Bold',
    size: 8,
    align: 'right',
    width: WIDTH,
  });
  let y = MARGIN + 12;
  drawBankHeader(pdf, y, slip, slip.line);
  y += HEADER;

  const widths = [WIDTH - 2 * 120, 120, 120];
  const [beneficiary, agency, due] = row(MARGIN, y, ROW, widths) as [Box, Box, Box];
  drawField(pdf, beneficiary, 'Beneficiário', [describeParty(doc.beneficiary)]);
  drawField(pdf, agency, 'Agência / Código do Beneficiário', [doc.agencyAccount], right);
  drawField(pdf, due, 'Vencimento', [slip.dueDate], bold);
  y += ROW;

  const [payer, ourNumber, amount] = row(MARGIN, y, ROW, widths) as [Box, Box, Box];
  drawField(pdf, payer, 'Pagador', [describeParty(doc.payer)]);
  drawField(pdf, ourNumber, 'Nosso Número', [doc.ourNumber], right);
  drawField(pdf, amount, '(=) Valor do Documento', [slip.amount], bold);
  y += ROW;

  const [address, documentNumber, issueDate] = row(MARGIN, y, ROW, widths) as [Box, Box, Box];
  drawField(pdf, address, 'Endereço do Beneficiário', [doc.beneficiary.address ?? '']);
  drawField(pdf, documentNumber, 'Nº do Documento', [doc.documentNumber], right);
  drawField(pdf, issueDate, 'Data do Documento', [slip.issueDate], right);
  y += ROW;

  const description = wrapText(pdf, doc.description ?? '', WIDTH - 5, 'Helvetica', 7.5).slice(0, 3);
  drawField(pdf, { x: MARGIN, y, w: WIDTH, h: TALL_ROW + 6 }, 'Descrição', description, { size: 7.5 });
  y += TALL_ROW + 6;

  if (doc.pixCode !== undefined && doc.pixCode !== '') {
    drawPix(pdf, { x: MARGIN, y, w: WIDTH, h: PIX_BOX }, doc.pixCode);
    y += PIX_BOX;
  }
  textAt(pdf, 'Autenticação mecânica', MARGIN, y + 3, {
    size: LABEL_SIZE + 0.5,
    align: 'right',
    width: WIDTH,
  });
}

function drawPix(pdf: PDFKit.PDFDocument, box: Box, pixCode: string): void {
  pdf.rect(box.x, box.y, box.w, box.h).stroke();
  const qrX = box.x + 9;
  const qrY = box.y + (box.h - QR_SIZE) / 2;
  drawQrCode(pdf, pixCode, qrX, qrY, QR_SIZE);
  const textX = qrX + QR_SIZE + 14;
  const textWidth = box.x + box.w - textX - 6;
  textAt(pdf, 'Pague com Pix', textX, box.y + 10, { font: 'Helvetica-Bold', size: 10 });
  textAt(
    pdf,
    'Aponte a câmera do app do seu banco para o QR code, ou use o Pix Copia e Cola:',
    textX,
    box.y + 25,
    {
      size: 7.5,
      width: textWidth,
    },
  );
  let y = box.y + 40;
  for (const line of wrapText(pdf, pixCode, textWidth, 'Helvetica', 7)) {
    textAt(pdf, line, textX, y, { size: 7 });
    y += 8.5;
  }
}

function drawCutLine(pdf: PDFKit.PDFDocument, y: number): void {
  pdf
    .dash(3, { space: 2 })
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + WIDTH, y)
    .stroke()
    .undash();
  textAt(pdf, 'Corte na linha pontilhada', MARGIN, y - 8, { size: LABEL_SIZE, align: 'right', width: WIDTH });
}

function drawFicha(pdf: PDFKit.PDFDocument, slip: Slip): void {
  const { doc } = slip;
  let y = FICHA_TOP;
  drawBankHeader(pdf, y, slip, slip.line);
  y += HEADER;

  const [place, due] = row(MARGIN, y, ROW, [LEFT_COLUMN, RIGHT_COLUMN]) as [Box, Box];
  drawField(pdf, place, 'Local de Pagamento', ['Pagável em qualquer banco ou correspondente bancário']);
  drawField(pdf, due, 'Vencimento', [slip.dueDate], bold);
  y += ROW;

  const [beneficiary, agency] = row(MARGIN, y, TALL_ROW, [LEFT_COLUMN, RIGHT_COLUMN]) as [Box, Box];
  drawField(pdf, beneficiary, 'Beneficiário', [
    describeParty(doc.beneficiary),
    doc.beneficiary.address ?? '',
  ]);
  drawField(pdf, agency, 'Agência / Código do Beneficiário', [doc.agencyAccount], right);
  y += TALL_ROW;

  const [issued, documentNumber, processed, ourNumber] = row(MARGIN, y, ROW, [
    100,
    LEFT_COLUMN - 200,
    100,
    RIGHT_COLUMN,
  ]) as [Box, Box, Box, Box];
  drawField(pdf, issued, 'Data do Documento', [slip.issueDate]);
  drawField(pdf, documentNumber, 'Nº do Documento', [doc.documentNumber]);
  drawField(pdf, processed, 'Data do Processamento', [slip.issueDate]);
  drawField(pdf, ourNumber, 'Nosso Número', [doc.ourNumber], right);
  y += ROW;

  const [bankUse, currency, quantity, value, amount] = row(MARGIN, y, ROW, [
    100,
    60,
    LEFT_COLUMN - 260,
    100,
    RIGHT_COLUMN,
  ]) as [Box, Box, Box, Box, Box];
  drawField(pdf, bankUse, 'Uso do Banco', []);
  drawField(pdf, currency, 'Espécie', ['R$']);
  drawField(pdf, quantity, 'Quantidade', []);
  drawField(pdf, value, 'Valor', []);
  drawField(pdf, amount, '(=) Valor do Documento', [slip.amount], bold);
  y += ROW;

  const instructionLines = (doc.instructions ?? []).flatMap((text) =>
    wrapText(pdf, text, LEFT_COLUMN - 5, 'Helvetica', 7.5),
  );
  const maxLines = Math.floor((INSTRUCTIONS - 10) / 9);
  drawField(
    pdf,
    { x: MARGIN, y, w: LEFT_COLUMN, h: INSTRUCTIONS },
    'Instruções (texto de responsabilidade do beneficiário)',
    instructionLines.slice(0, maxLines),
    { size: 7.5 },
  );
  SIDE_LABELS.forEach((label, i) => {
    drawField(pdf, { x: MARGIN + LEFT_COLUMN, y: y + i * SIDE_ROW, w: RIGHT_COLUMN, h: SIDE_ROW }, label, []);
  });
  y += INSTRUCTIONS;

  drawField(pdf, { x: MARGIN, y, w: WIDTH, h: PAYER_ROW }, 'Pagador', [
    describeParty(doc.payer),
    doc.payer.address ?? '',
  ]);
  y += PAYER_ROW;

  textAt(pdf, 'Autenticação mecânica - Ficha de Compensação', MARGIN, y + 3, {
    size: LABEL_SIZE + 0.5,
    align: 'right',
    width: WIDTH,
  });
  y += AUTHENTICATION;

  for (const bar of itfBars(doc.barcode, BARCODE_NARROW)) {
    pdf.rect(MARGIN + bar.x, y, bar.width, BARCODE_HEIGHT);
  }
  pdf.fill('black');
}
