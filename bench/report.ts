import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { EngineFigures } from './measure-engine.ts';
import type { HttpFigures } from './measure-http.ts';
import type { WriteFigures } from './measure-writes.ts';
import { QUERY_NOTES } from './query-notes.ts';
import { mb, ms, type Summary, table } from './stats.ts';

// The figures of one run as printed tables, and docs/performance.md: the generated part (machine,
// commands, figures, goals) sits between two markers, so the hand-written analysis around it stays.

export type BenchResult = {
  machine: {
    cpu: string;
    cores: number;
    memoryBytes: number;
    node: string;
    sqlite: string;
    duckdb: string;
    date: string;
  };
  scale: number;
  seed: number;
  counts: Record<string, number>;
  generationMs: number;
  fileBytes: number;
  duckLoadMs: number | undefined;
  engine: EngineFigures;
  writes: WriteFigures;
  http: HttpFigures | undefined;
  benchPeakRss: number;
  runMs: number;
};

const GOALS = { allMetricsMs: 2_000, duckRatio: 3, writeP99Ms: 20, httpP99Ms: 30, rssBytes: 1024 ** 3 };
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}x` : 'n/a');

export function engineTable(e: EngineFigures): string {
  const rows = e.metrics.map((m) => [
    m.metricId,
    ms(m.pacer.median),
    ms(m.pacer.max),
    String(m.pacer.n),
    ms(m.sql.median),
    String(m.factRows),
    ms(m.duck.median),
    ratio(m.pacer.median, m.duck.median),
    m.isAgreeing ? 'yes' : `NO (${m.disagreement})`,
  ]);
  const sumPacer = e.metrics.reduce((t, m) => t + m.pacer.median, 0);
  const sumDuck = e.metrics.reduce((t, m) => t + m.duck.median, 0);
  rows.push(['(sum of the above)', ms(sumPacer), '', '', '', '', ms(sumDuck), ratio(sumPacer, sumDuck), '']);
  rows.push([
    `**all ${e.metrics.length} in one computeValues**`,
    ms(e.pacerTotal.median),
    ms(e.pacerTotal.max),
    String(e.pacerTotal.n),
    '',
    '',
    ms(e.duckTotal.median),
    ratio(e.pacerTotal.median, e.duckTotal.median),
    '',
  ]);
  return table(
    [
      'metric',
      'Pacer median ms',
      'Pacer max ms',
      'n',
      'its SQL ms',
      'fact rows',
      'DuckDB median ms',
      'Pacer/DuckDB',
      'same totals',
    ],
    rows,
  );
}

const summaryRow = (name: string, s: Summary) => [name, String(s.n), ms(s.median), ms(s.p99), ms(s.max)];

export function writesTable(w: WriteFigures): string {
  return table(
    ['write + read', 'n', 'median ms', 'p99 ms', 'max ms'],
    [
      summaryRow('total (write, then read)', w.total),
      summaryRow('  the write (saveRecords)', w.write),
      summaryRow('  the read (computeValues)', w.read),
      summaryRow('activity + 5 metrics', w.byKind.activities),
      summaryRow('payment + 2 metrics', w.byKind.payments),
    ],
  );
}

export function httpTables(h: HttpFigures): string {
  const load = table(
    ['request (rotating ids)', 'connections', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'req/s', 'errors'],
    h.loads.map((l) => [
      l.name,
      String(l.connections),
      String(l.requests),
      String(l.p50),
      String(l.p99),
      String(l.max),
      l.rps.toFixed(1),
      String(l.errors),
    ]),
  );
  const heavy = table(
    ['single whole-company read', 'seconds', 'status', 'bytes'],
    h.heavy.map((x) => [
      x.name,
      x.status === 0 ? `> ${(x.ms / 1000).toFixed(0)} (timed out)` : (x.ms / 1000).toFixed(2),
      String(x.status),
      String(x.bytes),
    ]),
  );
  return `${load}\n\n${heavy}`;
}

type Goal = { name: string; target: string; measured: string; isMet: boolean; by: string };

export function goals(r: BenchResult): Goal[] {
  const e = r.engine;
  const out: Goal[] = [];
  const miss = (value: number, target: number, unit: string) =>
    value <= target
      ? `${(target - value).toFixed(0)} ${unit} to spare`
      : `missed by ${(value - target).toFixed(0)} ${unit} (${(value / target).toFixed(1)}x the goal)`;
  out.push({
    name: `every metric${e.excluded?.length ? ` but ${e.excluded.join(', ')} (excluded)` : ''}, every person and unit, one month`,
    target: '< 2 s',
    measured: `${(e.pacerTotal.median / 1000).toFixed(2)} s`,
    isMet: e.pacerTotal.median < GOALS.allMetricsMs,
    by: miss(e.pacerTotal.median, GOALS.allMetricsMs, 'ms'),
  });
  const duckRatio = e.pacerTotal.median / e.duckTotal.median;
  out.push({
    name: 'the same within 3x of DuckDB',
    target: '<= 3x',
    measured: `${duckRatio.toFixed(1)}x`,
    isMet: duckRatio <= GOALS.duckRatio,
    by:
      duckRatio <= GOALS.duckRatio ? 'met' : `missed: ${(duckRatio / GOALS.duckRatio).toFixed(1)}x slower than allowed`,
  });
  out.push({
    name: `write then read (${r.writes.done} writes${r.writes.isCutShort ? `, cut short of ${r.writes.planned} by the time budget` : ''})`,
    target: 'p99 < 20 ms',
    measured: `p99 ${ms(r.writes.total.p99)} ms`,
    isMet: r.writes.total.p99 < GOALS.writeP99Ms,
    by: miss(r.writes.total.p99, GOALS.writeP99Ms, 'ms'),
  });
  if (r.http) {
    const single = r.http.loads.filter((l) => l.connections === 1);
    const worst = [...(single.length > 0 ? single : r.http.loads)].sort((a, b) => b.p99 - a.p99)[0];
    if (worst)
      out.push({
        name: `HTTP value / breakdown, ${worst.connections} connection (worst: ${worst.name})`,
        target: 'p99 < 30 ms',
        measured: `p99 ${worst.p99} ms`,
        isMet: worst.p99 < GOALS.httpP99Ms,
        by: miss(worst.p99, GOALS.httpP99Ms, 'ms'),
      });
    out.push({
      name: 'server process peak RSS (load + whole-company reads)',
      target: '< 1 GB',
      measured: mb(r.http.memory.peakRss),
      isMet: r.http.memory.peakRss < GOALS.rssBytes,
      by: miss(r.http.memory.peakRss / 1024 / 1024, 1024, 'MB'),
    });
  }
  return out;
}

export function goalsTable(r: BenchResult): string {
  return table(
    ['goal', 'target', 'measured', 'met', 'margin'],
    goals(r).map((g) => [g.name, g.target, g.measured, g.isMet ? 'yes' : '**no**', g.by]),
  );
}

export function machineLine(r: BenchResult): string {
  const m = r.machine;
  return `${m.cpu}, ${m.cores} cores, ${mb(m.memoryBytes)} memory, Node ${m.node}, SQLite ${m.sqlite}, DuckDB ${m.duckdb}; run ${m.date}`;
}

export function printResult(r: BenchResult, log: (line: string) => void) {
  log(`\nMachine: ${machineLine(r)}`);
  log(
    `Scale ${r.scale} (seed ${r.seed}): generation ${(r.generationMs / 1000).toFixed(1)} s, SQLite file ${mb(r.fileBytes)}`,
  );
  log(
    `\nEvery metric for ${r.engine.subjects.people} people + ${r.engine.subjects.units} units + tenant, ${r.engine.month}:`,
  );
  log(engineTable(r.engine));
  log(`\nWrite then read (current month):\n${writesTable(r.writes)}`);
  if (r.http) {
    log(`\nHTTP API:\n${httpTables(r.http)}`);
    log(
      `Server peak RSS ${mb(r.http.memory.peakRss)} (sampled ${mb(r.http.memory.sampledPeak)}); bench process peak ${mb(r.benchPeakRss)}`,
    );
  }
  log(`\nGoals:\n${goalsTable(r)}`);
}

function dominant(r: BenchResult): string {
  const total = r.engine.metrics.reduce((t, m) => t + m.pacer.median, 0);
  return [...r.engine.metrics]
    .sort((a, b) => b.pacer.median - a.pacer.median)
    .slice(0, 5)
    .map(
      (m) =>
        `- \`${m.metricId}\`: ${ms(m.pacer.median)} ms (${((100 * m.pacer.median) / total).toFixed(0)}% of the sum; its SQL ${ms(m.sql.median)} ms, ${ratio(m.pacer.median, m.duck.median)} DuckDB). ${QUERY_NOTES[m.metricId] ?? ''}`,
    )
    .join('\n');
}

function section(r: BenchResult): string {
  const counts = Object.entries(r.counts)
    .map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`)
    .join(', ');
  return [
    `### Scale ${r.scale} (seed ${r.seed})`,
    '',
    `Machine: ${machineLine(r)}. Whole run ${(r.runMs / 60_000).toFixed(1)} min.`,
    '',
    `Data: ${counts}. Generated in ${(r.generationMs / 1000).toFixed(1)} s; SQLite file ${mb(r.fileBytes)}${r.duckLoadMs ? `; DuckDB load ${(r.duckLoadMs / 1000).toFixed(1)} s` : ''}.`,
    '',
    '#### Goals',
    '',
    goalsTable(r),
    '',
    `#### (a, b) Every built-in metric for ${r.engine.subjects.people.toLocaleString('en-US')} people, ${r.engine.subjects.units} units and the tenant, month ${r.engine.month}`,
    '',
    'Pacer = `computeValues` (one SQL per metric + crediting to people, units by membership on the fact date, and the tenant, in JavaScript); "its SQL" = `tallyFacts` alone; DuckDB = the same aggregates in one DuckDB query per metric (people, units, tenant). "same totals" compares tenant and company numerators and denominators of both engines.',
    '',
    engineTable(r.engine),
    '',
    'Where the time goes (the five slowest metrics):',
    '',
    dominant(r),
    '',
    '#### (c) One write, then the values it changes for the person, their team, region, company and the tenant',
    '',
    writesTable(r.writes),
    '',
    ...(r.http
      ? [
          '#### (d, e) The HTTP API (server in its own process, autocannon in another)',
          '',
          httpTables(r.http),
          '',
          `Server peak RSS (VmHWM) ${mb(r.http.memory.peakRss)}; the bench process peaked at ${mb(r.benchPeakRss)}.`,
          '',
        ]
      : []),
  ].join('\n');
}

/**
 * Puts `body` between the markers `<!-- name:begin ... -->` and `<!-- name:end -->` of the doc,
 * leaving the hand-written text around them; appends `heading` and the block when they are missing.
 */
export function writeBetweenMarkers(docFile: URL, name: string, body: string, heading: string) {
  const begin = `<!-- ${name}:begin (generated by npm run bench; edit outside these markers) -->`;
  const end = `<!-- ${name}:end -->`;
  const generated = [begin, '', body, end].join('\n');
  const current = existsSync(docFile) ? readFileSync(docFile, 'utf8') : '';
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  writeFileSync(
    docFile,
    start >= 0 && stop > start
      ? `${current.slice(0, start)}${generated}${current.slice(stop + end.length)}`
      : `${current}${current ? '\n' : ''}${heading}\n\n${generated}\n`,
  );
}

export function writePerformanceDoc(resultsDir: URL, docFile: URL) {
  const results = readdirSync(resultsDir)
    .filter((f) => /^scale-.*\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(new URL(f, resultsDir), 'utf8')) as BenchResult)
    .sort((a, b) => b.scale - a.scale);
  writeBetweenMarkers(docFile, 'bench', results.map(section).join('\n'), '# Performance');
}
