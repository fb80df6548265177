import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { builtInMetrics } from '../src/domain/metrics/catalog.ts';
import { ADMIN } from './generate.ts';
import { timed } from './stats.ts';

// (d) Metric values and unit breakdowns read through the HTTP API of a server process of its
// own, loaded by autocannon from this process, with an API token made through the API after
// logging in. (e) The server's peak RSS over all of it, including a few whole-company reads.

export type LoadFigures = {
  name: string;
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  rps: number;
  errors: number;
};
export type HeavyFigures = { name: string; path: string; ms: number; status: number; bytes: number };
export type HttpFigures = {
  loads: LoadFigures[];
  heavy: HeavyFigures[];
  memory: { peakRss: number; sampledPeak: number; rss: number };
};

type Message = { port?: number; memory?: HttpFigures['memory'] };

export function startServer(sqliteFile: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(new URL('./http-server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SQLITE: sqliteFile },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before listening`)));
    child.on('message', (m: Message) => {
      if (m.port) resolve({ child, port: m.port });
    });
  });
}

const ask = (child: ChildProcess) =>
  new Promise<HttpFigures['memory']>((resolve) => {
    const onMessage = (m: Message) => {
      if (!m.memory) return;
      child.off('message', onMessage);
      resolve(m.memory);
    };
    child.on('message', onMessage);
    child.send('memory');
  });

function memoryFromProc(child: ChildProcess): HttpFigures['memory'] {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { peakRss: kb('VmHWM'), sampledPeak: kb('VmHWM'), rss: kb('VmRSS') };
}

export async function apiToken(base: string): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (login.status !== 200) throw new Error(`bench login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await fetch(`${base}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (created.status !== 201) throw new Error(`bench token failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

/** autocannon on rotating paths: `connections` clients, flat out or sharing `rate` requests a second. */
export async function loadPaths(input: {
  base: string;
  headers: Record<string, string>;
  name: string;
  paths: readonly string[];
  connections: number;
  seconds: number;
  rate?: number;
}): Promise<LoadFigures> {
  let next = 0;
  const result = await autocannon({
    url: input.base,
    connections: input.connections,
    duration: input.seconds,
    ...(input.rate ? { overallRate: input.rate } : {}),
    headers: input.headers,
    requests: [
      { method: 'GET', setupRequest: (r) => ({ ...r, path: input.paths[next++ % input.paths.length] as string }) },
    ],
  });
  return {
    name: input.name,
    path: (input.paths[0] as string).replace(/[0-9a-f-]{36}/g, '<id>'),
    connections: input.connections,
    seconds: input.seconds,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    rps: result.requests.average,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

export async function measureHttp(
  input: {
    sqliteFile: string;
    month: string;
    people: string[];
    teamIds: string[];
    rootUnitId: string;
    exclude: string[];
    seconds: number;
    /** Each scenario runs once per entry: 1 connection gives latency alone, more add queueing. */
    connections: number[];
    heavyTimeoutMs: number;
  },
  log: (line: string) => void,
): Promise<HttpFigures> {
  const { child, port } = await startServer(input.sqliteFile);
  try {
    const base = `http://127.0.0.1:${port}`;
    const headers = { authorization: `Bearer ${await apiToken(base)}` };
    const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
    const scenarios: Array<{ name: string; paths: string[] }> = [
      ...['signed_amount', 'follow_ups'].map((metric) => ({
        name: `value: ${metric}, one person`,
        paths: input.people.map(
          (id) => `/api/v1/metrics/values?${q({ metrics: metric, subjects: `person:${id}`, period: input.month })}`,
        ),
      })),
      ...['signed_amount', 'follow_ups'].map((metric) => ({
        name: `breakdown: ${metric}, team by member`,
        paths: input.teamIds.map(
          (id) => `/api/v1/metrics/breakdown?${q({ metrics: metric, unitId: id, by: 'member', period: input.month })}`,
        ),
      })),
    ];
    const loads: LoadFigures[] = [];
    for (const connections of input.connections)
      for (const s of scenarios) {
        const first = await fetch(`${base}${s.paths[0]}`, { headers });
        if (first.status !== 200) throw new Error(`${s.name}: ${first.status} ${await first.text()}`);
        const figures = await loadPaths({
          base,
          headers,
          name: s.name,
          paths: s.paths,
          connections,
          seconds: input.seconds,
        });
        loads.push(figures);
        log(`    ${s.name.padEnd(40)} ${connections} conn.  p99 ${figures.p99} ms  ${figures.rps} req/s`);
      }

    const all = builtInMetrics
      .map((m) => m.id)
      .filter((id) => !input.exclude.includes(id))
      .join(',');
    const heavyPaths: Array<[string, string]> = [
      [
        'all metrics, company by region',
        `/api/v1/metrics/breakdown?${q({ metrics: all, unitId: input.rootUnitId, by: 'child', period: input.month })}`,
      ],
      [
        'all metrics, company by member',
        `/api/v1/metrics/breakdown?${q({ metrics: all, unitId: input.rootUnitId, by: 'member', period: input.month })}`,
      ],
    ];
    const heavy: HeavyFigures[] = [];
    for (const [name, path] of heavyPaths) {
      // A request still running at the limit is recorded as status 0 (timed out); the server is
      // then busy with it, so the rest are skipped and its memory is read from /proc.
      const { ms, result } = await timed(async () => {
        try {
          const res = await fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(input.heavyTimeoutMs) });
          return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
        } catch (error) {
          if (error instanceof Error && error.name === 'TimeoutError') return { status: 0, bytes: 0 };
          throw error;
        }
      });
      heavy.push({
        name,
        path: path.replace(/metrics=[^&]+/, 'metrics=<all>').replace(/[0-9a-f-]{36}/g, '<id>'),
        ms,
        ...result,
      });
      log(`    ${name.padEnd(38)} ${(ms / 1000).toFixed(2)} s  status ${result.status}  ${result.bytes} bytes`);
      if (result.status === 0) break;
    }
    const isBusy = heavy.some((h) => h.status === 0);
    return { loads, heavy, memory: isBusy ? memoryFromProc(child) : await ask(child) };
  } finally {
    if (child.connected) child.send('stop');
    setTimeout(() => child.kill(), 1_000).unref();
  }
}
