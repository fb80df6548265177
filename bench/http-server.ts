import { readFileSync } from 'node:fs';
import { openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/http/build-app.ts';
import { fixedClock } from './generate.ts';

// The API server of the HTTP measurement, run as its own process (forked by measure-http.ts):
// the real buildApp on the bench's SQLite file, listening on 127.0.0.1. It answers the parent's
// 'memory' message with its peak resident set size (Linux VmHWM) and samples of its RSS.

const file = process.env.BENCH_SQLITE;
if (!file) throw new Error('BENCH_SQLITE is not set');
const handle = openDatabase({ dialect: 'sqlite', file });
const app = await buildApp({ db: handle.db, dialect: 'sqlite', clock: fixedClock });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

let sampledPeak = 0;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
}, 50);

const vmHwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;

process.on('message', async (message: string) => {
  if (message === 'memory')
    process.send?.({ memory: { peakRss: vmHwm(), sampledPeak, rss: process.memoryUsage().rss } });
  if (message === 'stop') {
    clearInterval(sampler);
    await app.close();
    await handle.destroy();
    process.exit(0);
  }
});
process.send?.({ port });
