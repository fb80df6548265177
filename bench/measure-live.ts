import http from 'node:http';
import { addDays } from '../src/domain/time/dates.ts';
import { TODAY } from './calendar.ts';
import { apiToken, type LoadFigures, loadPaths, startServer } from './measure-http.ts';
import { type Summary, summarize } from './stats.ts';

// Issue 6's load: the leaderboard and team-dashboard endpoints under 100 concurrent clients
// (autocannon from this process, the server in its own), the first read after a change (what
// the cache cannot hide), and 500 open live streams with the time from a write to the `change`
// event on every one of them.

export type LiveFigures = {
  loads: LoadFigures[];
  /** A board or team view computed from the records (the first read after a write). */
  cold: Array<{ name: string; ms: number }>;
  streams: number;
  writes: number;
  /** Write sent -> `change` received, over every stream and write. */
  delivery: Summary;
  /** Streams that missed an event within 5 s. */
  missed: number;
};

function openStream(base: string, token: string, onChange: () => void): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${base}/api/v1/live`,
      { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, agent: false },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`live stream: ${res.statusCode}`));
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.includes('event: ready')) resolve(request);
            if (block.includes('event: change')) onChange();
            end = buffer.indexOf('\n\n');
          }
        });
      },
    );
    request.on('error', reject);
  });
}

export async function measureLive(
  input: {
    sqliteFile: string;
    month: string;
    teamIds: string[];
    people: string[];
    seconds: number;
    streams: number;
    writes: number;
  },
  log: (line: string) => void,
): Promise<LiveFigures> {
  const { child, port } = await startServer(input.sqliteFile);
  const base = `http://127.0.0.1:${port}`;
  const token = await apiToken(base);
  const headers = { authorization: `Bearer ${token}` };
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const boards = ['signed_amount', 'follow_ups', 'new_customers', 'collected_amount', 'score'].map(
    (metric) => `/api/v1/leaderboards?${q({ metric, scope: 'company', period: input.month, by: 'person' })}`,
  );
  const teams = input.teamIds.slice(0, 20).map((id) => `/api/v1/dashboards/team/${id}?${q({ period: input.month })}`);
  try {
    // First reads: computed from the records (nothing cached yet).
    const cold: LiveFigures['cold'] = [];
    for (const [name, path] of [
      ['leaderboard signed_amount, company (10,000 people)', boards[0]],
      ['leaderboard total score, company', boards[4]],
      ['team dashboard, one team', teams[0]],
    ] as Array<[string, string]>) {
      const started = performance.now();
      const res = await fetch(`${base}${path}`, { headers });
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      cold.push({ name, ms: performance.now() - started });
      log(`    first read: ${name.padEnd(50)} ${(performance.now() - started).toFixed(0)} ms`);
    }
    // Warm every path once, then load them with 100 connections.
    for (const path of [...boards, ...teams]) await (await fetch(`${base}${path}`, { headers })).arrayBuffer();
    // Each endpoint twice: 100 clients sending as fast as they can (the throughput), and 100 clients
    // sharing 2,000 requests a second (the latency at the load the goal names).
    const loads: LoadFigures[] = [];
    for (const [name, paths, rate] of [
      ['leaderboards (5 boards, company), flat out', boards, undefined],
      ['leaderboards, 2,000 req/s', boards, 2000],
      ['team dashboards (20 teams), flat out', teams, undefined],
      ['team dashboards, 2,000 req/s', teams, 2000],
    ] as Array<[string, string[], number | undefined]>) {
      const figures = await loadPaths({ base, headers, name, paths, connections: 100, seconds: input.seconds, rate });
      loads.push(figures);
      log(`    ${name.padEnd(46)} 100 conn.  p99 ${figures.p99} ms  ${figures.rps} req/s`);
    }

    // 500 open streams; each write must reach every one of them.
    let pending: { sentAt: number; arrivals: number[] } | undefined;
    const streams: http.ClientRequest[] = [];
    for (let i = 0; i < input.streams; i++)
      streams.push(
        await openStream(base, token, () => {
          if (pending) pending.arrivals.push(performance.now() - pending.sentAt);
        }),
      );
    const stats = (await (await fetch(`${base}/api/v1/live/stats`, { headers })).json()) as { listeners: number };
    log(`    ${streams.length} live streams open (server counts ${stats.listeners} listeners)`);
    const delivery: number[] = [];
    let missed = 0;
    for (let w = 0; w < input.writes; w++) {
      const personId = input.people[w % input.people.length];
      pending = { sentAt: performance.now(), arrivals: [] };
      const res = await fetch(`${base}/api/v1/activities`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          personId,
          type: 'call',
          occurredAt: `${addDays(TODAY, -1)}T06:00:00.000Z`, // the bench server's clock stands at TODAY
          notes: `bench live write ${w}: 电话回访客户`,
          externalId: `bench-live-${Date.now()}-${w}`,
        }),
      });
      if (res.status !== 201) throw new Error(`live write: ${res.status} ${await res.text()}`);
      const until = performance.now() + 5_000;
      while (pending.arrivals.length < streams.length && performance.now() < until)
        await new Promise((r) => setTimeout(r, 20));
      delivery.push(...pending.arrivals);
      missed += streams.length - pending.arrivals.length;
      pending = undefined;
      await new Promise((r) => setTimeout(r, 300)); // let the coalescing window close
    }
    for (const s of streams) s.destroy();
    const summary = summarize(delivery);
    log(
      `    write -> change on ${input.streams} streams x ${input.writes} writes: p50 ${summary.median.toFixed(0)} ms, p99 ${summary.p99.toFixed(0)} ms, max ${summary.max.toFixed(0)} ms, missed ${missed}`,
    );
    return { loads, cold, streams: input.streams, writes: input.writes, delivery: summary, missed };
  } finally {
    if (child.connected) child.send('stop');
    setTimeout(() => child.kill(), 1_000).unref();
  }
}
