import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { systemActor } from '../src/app/auth/authenticate.ts';
import { openDatabase } from '../src/db/database.ts';
import { CURRENT_MONTH, MEASURED_MONTH } from './calendar.ts';
import { openDuckDb } from './duckdb-load.ts';
import { dataFiles, fixedClock, loadOrGenerate } from './generate.ts';
import { measureEngine } from './measure-engine.ts';
import { measureFirstScreen } from './measure-first-screen.ts';
import { measureHttp } from './measure-http.ts';
import { measureLive } from './measure-live.ts';
import { measureWrites, removeBenchWrites } from './measure-writes.ts';
import { type BenchResult, printResult, writePerformanceDoc } from './report.ts';
import { type LiveResult, liveSection, writeFirstScreenDoc, writeLiveDoc } from './report-live.ts';
import { peakRssBytes } from './stats.ts';

// npm run bench [-- --scale 0.1] : generates (or reuses) the synthetic tenant, measures the
// metric engine against DuckDB, the write-to-read path and the HTTP API, prints the figures and
// writes them to bench/results/ and docs/performance.md.

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: process.env.BENCH_SCALE ?? '1' },
    seed: { type: 'string', default: process.env.BENCH_SEED ?? '42' },
    dir: { type: 'string', default: process.env.BENCH_DIR ?? join(tmpdir(), 'pacer-bench') },
    repeats: { type: 'string', default: '3' },
    writes: { type: 'string', default: '1000' },
    'write-budget-s': { type: 'string', default: '300' },
    'http-seconds': { type: 'string', default: '10' },
    'heavy-timeout-s': { type: 'string', default: '120' },
    connections: { type: 'string', default: '1,4' },
    'generate-only': { type: 'boolean', default: false },
    'skip-http': { type: 'boolean', default: false },
    /** Only issue 6's part: leaderboards and team views under 100 clients, 500 live streams. */
    'only-live': { type: 'boolean', default: false },
    /** Only the first screen after login in Chromium (needs npm run build). */
    'only-web': { type: 'boolean', default: false },
    'live-streams': { type: 'string', default: '500' },
    'live-writes': { type: 'string', default: '10' },
    /** Metrics to leave out, comma-separated (e.g. one whose query is too slow at this scale). */
    exclude: { type: 'string', default: process.env.BENCH_EXCLUDE ?? '' },
  },
});
const scale = Number(args.scale);
const seed = Number(args.seed);
if (!(scale > 0) || !Number.isInteger(seed)) throw new Error('--scale must be > 0 and --seed an integer');
const log = (line: string) => console.log(line);
const exclude = args.exclude
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const runStarted = performance.now();

mkdirSync(args.dir, { recursive: true });
log(`Pacer bench: scale ${scale}, seed ${seed}, data in ${args.dir}`);
const { data, isCached } = await loadOrGenerate(args.dir, seed, scale, log);
log(
  isCached
    ? `reusing generated data (made in ${(data.generationMs / 1000).toFixed(1)} s)`
    : `generated in ${(data.generationMs / 1000).toFixed(1)} s`,
);
log(
  `  ${Object.entries(data.counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ')}`,
);
if (args['generate-only']) process.exit(0);

async function runLive() {
  log('\n(f) leaderboards and team views under 100 clients; live streams (issue 6)');
  const live = await measureLive(
    {
      sqliteFile: data.file,
      month: MEASURED_MONTH,
      teamIds: data.teamIds,
      people: data.samplePeople,
      seconds: Number(args['http-seconds']),
      streams: Number(args['live-streams']),
      writes: Number(args['live-writes']),
    },
    log,
  );
  const cpu = cpus();
  const result: LiveResult = {
    scale,
    seed,
    people: data.counts.people ?? 0,
    machine: `${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores, Node ${process.version}`,
    date: new Date().toISOString(),
    live,
  };
  const resultsDir = new URL('./results/', import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(new URL(`live-scale-${scale}.json`, resultsDir), `${JSON.stringify(result, null, 2)}\n`);
  writeLiveDoc(resultsDir, new URL('../docs/performance.md', import.meta.url));
  log(liveSection(result));
}
if (args['only-live']) {
  await runLive();
  process.exit(0);
}

async function runFirstScreen() {
  log('\n(g) the first screen after login, demo company, Chromium (issue 3)');
  const figures = await measureFirstScreen({ samples: 5 }, log);
  if (!figures) return;
  const resultsDir = new URL('./results/', import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    new URL('first-screen.json', resultsDir),
    `${JSON.stringify({ date: new Date().toISOString(), machine: `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores`, figures }, null, 2)}\n`,
  );
  writeFirstScreenDoc(resultsDir, new URL('../docs/performance.md', import.meta.url));
}
if (args['only-web']) {
  await runFirstScreen();
  process.exit(0);
}

const duckStarted = performance.now();
const duck = await openDuckDb(data.file, dataFiles(args.dir, seed, scale).duckdb, data.tenantId, log);
const duckLoadMs = duck.isCached ? undefined : performance.now() - duckStarted;

const handle = openDatabase({ dialect: 'sqlite', file: data.file });
const deps = { db: handle.db, dialect: 'sqlite' as const, clock: fixedClock };
const actor = await systemActor(deps, data.tenantId);
const versions = {
  sqlite: String((handle.sqlite?.prepare('select sqlite_version() as v').get() as { v?: string } | undefined)?.v),
  duckdb: String((await duck.connection.runAndReadAll('select version()')).getRows()[0]?.[0]),
};

log(`\n(a, b) every metric for every person and unit, ${MEASURED_MONTH}: Pacer (SQLite) and DuckDB`);
const engine = await measureEngine(
  deps,
  actor,
  duck.connection,
  { month: MEASURED_MONTH, rootUnitId: data.rootUnitId, repeats: Number(args.repeats), exclude },
  log,
);
duck.connection.closeSync();
const benchPeakAfterEngine = peakRssBytes();

log(`\n(c) a write through saveRecords, then the values it changes (${CURRENT_MONTH})`);
await removeBenchWrites(deps, data.tenantId);
const writes = await measureWrites(
  deps,
  actor,
  {
    people: data.samplePeople,
    month: CURRENT_MONTH,
    count: Number(args.writes),
    budgetMs: Number(args['write-budget-s']) * 1000,
  },
  log,
);
await removeBenchWrites(deps, data.tenantId);
await handle.destroy();

let http: BenchResult['http'];
if (!args['skip-http']) {
  log('\n(d, e) the HTTP API under load (autocannon from this process, server in its own)');
  http = await measureHttp(
    {
      sqliteFile: data.file,
      month: MEASURED_MONTH,
      people: data.samplePeople,
      teamIds: data.teamIds.slice(0, 50),
      rootUnitId: data.rootUnitId,
      exclude,
      seconds: Number(args['http-seconds']),
      connections: args.connections.split(',').map(Number),
      heavyTimeoutMs: Number(args['heavy-timeout-s']) * 1000,
    },
    log,
  );
}

const cpu = cpus();
const result: BenchResult = {
  machine: {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryBytes: totalmem(),
    node: process.version,
    sqlite: versions.sqlite,
    duckdb: versions.duckdb,
    date: new Date().toISOString(),
  },
  scale,
  seed,
  counts: data.counts,
  generationMs: data.generationMs,
  fileBytes: data.fileBytes,
  duckLoadMs,
  engine,
  writes,
  http,
  benchPeakRss: benchPeakAfterEngine,
  runMs: performance.now() - runStarted,
};
printResult(result, log);
const resultsDir = new URL('./results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(new URL(`scale-${scale}.json`, resultsDir), `${JSON.stringify(result, null, 2)}\n`);
writePerformanceDoc(resultsDir, new URL('../docs/performance.md', import.meta.url));
if (!args['skip-http']) await runLive();
await runFirstScreen();
log('\nwrote bench/results and docs/performance.md');
