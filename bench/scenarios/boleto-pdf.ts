// get_boleto_pdf on the sandbox: Ponte renders each boleto (barcode, Pix QR code, PDF) itself.
// "Per core" divides the PDFs by the CPU seconds the Ponte process used, so it holds whatever
// else the machine is doing.
import {
  cycle,
  failureNote,
  loadData,
  measure,
  loadColumns,
  rssTarget,
  type BenchContext,
  type Figure,
} from '../context.js';
import type { PonteProcess } from '../ponte-process.js';
import type { OpenBill } from '../sandbox-data.js';

const CLIENTS = 10;

export async function boletoPdf(
  ctx: BenchContext,
  ponte: PonteProcess,
  key: string,
  bills: OpenBill[],
): Promise<Figure> {
  const result = await measure(
    ctx,
    'sandbox get_boleto_pdf',
    {
      url: ponte.url,
      connections: CLIENTS,
      seconds: ctx.seconds,
      requests: [
        {
          method: 'POST',
          path: '/v1/functions/get_boleto_pdf',
          headers: { authorization: `Bearer ${key}` },
          body: cycle(bills, (b) => ({ boleto_id: String(b.id) })),
        },
      ],
      watch: { ponte: ponte.pid },
    },
    // A few hundred PDFs go by before pdfkit and qrcode run at their steady cost.
    { warmupSeconds: ctx.warmupSeconds * 2 },
  );
  const cpu = result.usage.ponte?.cpu ?? null;
  const perCore = cpu === null || cpu === 0 ? null : result.calls / cpu;
  return {
    id: 'sandbox.get_boleto_pdf',
    label: 'sandbox get_boleto_pdf (rendered)',
    ...loadColumns(result),
    erpPerCall: null,
    detail: `${perCore === null ? '?' : perCore.toFixed(0)} PDFs per CPU-second of Ponte (per core)${failureNote(result)}`,
    targets: [
      { text: '≥ 100 PDFs/s per core', met: perCore === null ? null : perCore >= 100 },
      rssTarget(result),
    ],
    data: { pdfs_per_core_second: perCore, ...loadData(result) },
  };
}
