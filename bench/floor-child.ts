// A Node.js HTTP server that does no work: it reads the request and answers a fixed JSON body of
// BENCH_FLOOR_BYTES bytes. What it reaches is the most any Node.js service can on this machine
// with this client, the yardstick for Ponte's own figures.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const bytes = Number(process.env.BENCH_FLOOR_BYTES ?? '2000');
const body = Buffer.from(JSON.stringify([{ filler: 'x'.repeat(Math.max(0, bytes - 16)) }]));
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.once('disconnect', () => server.close(() => process.exit(0)));
