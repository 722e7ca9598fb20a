// The machine's floor: a Node.js HTTP server that does nothing, answering as many bytes as a
// list_bills answer, under the same client and load. Ponte's figures read best against it: on a
// busier or slower machine both move together.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { failureNote, loadColumns, loadData, measure, type BenchContext, type Figure } from '../context.js';
import { ROOT } from '../ponte-process.js';

const CLIENTS = 10;

export async function floor(ctx: BenchContext, answerBytes: number): Promise<Figure> {
  const child = fork(fileURLToPath(new URL('../floor-child.ts', import.meta.url)), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_FLOOR_BYTES: String(answerBytes) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { port: number }) => resolve(m.port));
      child.once('exit', (code) => reject(new Error(`the floor server exited (${code})`)));
    });
    const result = await measure(ctx, 'bare Node.js HTTP server', {
      url: `http://127.0.0.1:${port}`,
      connections: CLIENTS,
      seconds: ctx.seconds,
      requests: [{ method: 'POST', path: '/', body: '{"customer_document_number":"00000000000"}' }],
      watch: { floor: child.pid! },
    });
    return {
      id: 'floor.bare_node_http',
      label: 'bare Node.js HTTP server (floor)',
      ...loadColumns(result, 'floor'),
      // Its RSS says nothing about Ponte's.
      rssMb: null,
      erpPerCall: null,
      detail: `no work, ${answerBytes}-byte answers: the ceiling of any Node.js service on this machine and client${failureNote(result)}`,
      targets: [],
      data: { answer_bytes: answerBytes, ...loadData(result) },
    };
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.disconnect();
    });
  }
}
