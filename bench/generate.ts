import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTenant, createUser } from '../src/app/tenants/create-tenant.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { bulkWriter, dropSecondaryIndexes } from './bulk-writer.ts';
import { NOW, TIME_ZONE, TODAY } from './calendar.ts';
import { generateActivities, generateCollaboration, generateRatingsAndUsage } from './generate-activity.ts';
import { generateOrg } from './generate-org.ts';
import { generateContracts, generateDeals } from './generate-sales.ts';
import { createWorld } from './world.ts';

// The synthetic tenant in a fresh SQLite file, made by the real migrations and the real
// createTenant/createUser, then filled in bulk with the columns the write path would derive.
// The file is cached by seed, scale and generator version: a second run reuses it.

export const GENERATOR_VERSION = 1;
export const ADMIN = { email: 'admin@bench.test', password: 'bench admin password' };

export type BenchData = {
  file: string;
  seed: number;
  scale: number;
  tenantId: string;
  today: string;
  rootUnitId: string;
  regionIds: string[];
  teamIds: string[];
  /** A handful of people and teams the write and HTTP measurements use. */
  samplePeople: string[];
  counts: Record<string, number>;
  generationMs: number;
  fileBytes: number;
};

export const fixedClock = { now: () => new Date(NOW) };

export function dataFiles(dir: string, seed: number, scale: number) {
  const base = join(dir, `pacer-bench-v${GENERATOR_VERSION}-seed${seed}-scale${scale}`);
  return { sqlite: `${base}.sqlite`, meta: `${base}.json`, duckdb: `${base}.duckdb` };
}

export async function loadOrGenerate(
  dir: string,
  seed: number,
  scale: number,
  log: (line: string) => void,
): Promise<{ data: BenchData; isCached: boolean }> {
  const files = dataFiles(dir, seed, scale);
  if (existsSync(files.meta) && existsSync(files.sqlite)) {
    // Migrations added since the file was made are applied, so the app finds its current schema.
    const handle = openDatabase({ dialect: 'sqlite', file: files.sqlite });
    const applied = await migrateToLatest(handle.db);
    await handle.destroy();
    if (applied.length > 0) log(`  applied to the cached file: ${applied.join(', ')}`);
    return { data: JSON.parse(readFileSync(files.meta, 'utf8')) as BenchData, isCached: true };
  }
  for (const f of [files.sqlite, `${files.sqlite}-wal`, `${files.sqlite}-shm`, files.duckdb, `${files.duckdb}.wal`])
    rmSync(f, { force: true });
  const data = await generate(files.sqlite, seed, scale, log);
  writeFileSync(files.meta, JSON.stringify(data, null, 2));
  return { data, isCached: false };
}

async function generate(file: string, seed: number, scale: number, log: (line: string) => void): Promise<BenchData> {
  const started = performance.now();
  const handle = openDatabase({ dialect: 'sqlite', file });
  await migrateToLatest(handle.db);
  const deps = { db: handle.db, dialect: 'sqlite' as const, clock: fixedClock };
  const tenantId = await createTenant(deps, { slug: 'bench', name: 'Bench 公司', timeZone: TIME_ZONE });
  await createUser(deps, tenantId, { ...ADMIN, role: 'admin', displayName: 'Bench admin' });

  const raw = handle.sqlite;
  if (!raw) throw new Error('the bench needs SQLite');
  raw.pragma('journal_mode = OFF');
  raw.pragma('synchronous = OFF');
  raw.pragma('foreign_keys = OFF');
  raw.pragma('cache_size = -512000');
  const indexSql = dropSecondaryIndexes(raw);
  const out = bulkWriter(raw);
  const world = createWorld(seed, scale, tenantId);
  const step = (name: string, run: () => void) => {
    const t = performance.now();
    run();
    log(`  ${name.padEnd(28)} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  let org = { rootUnitId: '', regionIds: [] as string[] };
  step('org, people, customers', () => {
    org = generateOrg(world, out);
  });
  step('deals and teams', () => generateDeals(world, out));
  step('contracts, splits, payments', () => generateContracts(world, out));
  step('activities', () => generateActivities(world, out));
  step('proposals, surveys, posts', () => generateCollaboration(world, out));
  step('peer ratings, usage events', () => generateRatingsAndUsage(world, out));
  out.finish();
  step('indexes', () => {
    for (const sql of indexSql) raw.exec(sql);
  });
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  const problems = raw.pragma('foreign_key_check', { simple: false }) as unknown[];
  if (problems.length > 0) throw new Error(`generated data breaks ${problems.length} foreign keys`);
  await handle.destroy();

  const stride = Math.max(1, Math.floor(world.personIds.length / 50));
  return {
    file,
    seed,
    scale,
    tenantId,
    today: TODAY,
    rootUnitId: org.rootUnitId,
    regionIds: org.regionIds,
    teamIds: world.teamIds,
    samplePeople: world.personIds.filter(
      (_, i) => i % stride === 0 && (world.personLeftAt[i] ?? 0) >= world.days.length,
    ),
    counts: out.counts(),
    generationMs: Math.round(performance.now() - started),
    fileBytes: statSync(file).size,
  };
}
