import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Command, Option } from 'commander';
import { systemActor } from '../app/auth/authenticate.ts';
import { type AppDeps, systemClock } from '../app/context.ts';
import { seedDemoPerformance } from '../app/demo/seed-performance.ts';
import { exportRecords } from '../app/import-export/export-records.ts';
import { importFile } from '../app/import-export/import-records.ts';
import { archiveWeeklyLeaderboards } from '../app/leaderboards/archive-boards.ts';
import { startBoardArchiver } from '../app/leaderboards/board-archiver.ts';
import { createLive } from '../app/live/live.ts';
import { recomputeTenant } from '../app/metrics/recompute.ts';
import { type DatabaseHandle, openDatabase, refreshStatistics } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { findTenantBySlug, listTenants } from '../db/repositories/tenants.repository.ts';
import { hasAnyTenant, seedDemo } from '../db/seed/seed-demo.ts';
import { lastWholeWeekKey } from '../domain/leaderboards/weeks.ts';
import type { Locale } from '../domain/records/field.ts';
import { kindByPath, recordKinds } from '../domain/records/kinds.ts';
import { localDate } from '../domain/time/dates.ts';
import { buildApp } from '../http/build-app.ts';
import { type Config, loadConfig } from './config.ts';

// `pacer`: serve, migrate, seed-demo, import, export, backup. Each opens the database named by
// the environment (see README), runs migrations, does its one job and closes.

async function open(config: Config): Promise<{ handle: DatabaseHandle; deps: AppDeps }> {
  if (config.database.dialect === 'sqlite') mkdirSync(dirname(config.database.file), { recursive: true });
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  return { handle, deps: { db: handle.db, dialect: handle.dialect, clock: systemClock } };
}

async function tenantId(deps: AppDeps, slug: string | undefined): Promise<string> {
  if (slug) {
    const tenant = await findTenantBySlug(deps.db, slug);
    if (!tenant) throw new Error(`no tenant with slug '${slug}'`);
    return tenant.id;
  }
  const tenants = await listTenants(deps.db);
  if (tenants.length !== 1) throw new Error(`there are ${tenants.length} tenants: name one with --tenant <slug>`);
  return (tenants[0] as { id: string }).id;
}

function kindArg(path: string) {
  const kind = kindByPath(path);
  if (!kind) throw new Error(`unknown record kind '${path}'; one of: ${recordKinds.map((k) => k.path).join(', ')}`);
  return kind;
}

function printAccounts(accounts: Array<{ email: string; password: string; role: string; name: string }>) {
  console.log('Demo accounts (password for all: %s):', accounts[0]?.password ?? '');
  for (const a of accounts) console.log(`  ${a.role.padEnd(8)} ${a.email.padEnd(24)} ${a.name}`);
}

async function runSeed(deps: AppDeps, config: Config, options: { seed?: number; slug?: string; today?: string }) {
  const bar = new SingleBar({ format: 'seeding demo company [{bar}] {percentage}% {table}', hideCursor: true });
  bar.start(100, 0, { table: '' });
  const summary = await seedDemo(deps.db, {
    seed: options.seed,
    slug: options.slug,
    today: options.today ?? localDate(new Date(), config.timeZone),
    onProgress: (done, total, table) => bar.update(Math.round((done / Math.max(total, 1)) * 100), { table }),
  });
  bar.update(100, { table: 'done' });
  bar.stop();
  await refreshStatistics(deps.db, deps.dialect);
  const performance = await seedDemoPerformance(
    deps,
    summary.tenantId,
    options.today ?? localDate(new Date(), config.timeZone),
  );
  console.log(
    `Seeded 示例科技有限公司 (tenant '${summary.slug}'):`,
    JSON.stringify({ ...summary.counts, ...performance }),
  );
  return summary;
}

export function buildCli(config: Config = loadConfig()): Command {
  const program = new Command('pacer').description('Pacer: sales performance management (销售绩效管理系统)');

  program
    .command('serve')
    .description('migrate, seed the demo company on an empty database, and serve the API')
    .option('--port <port>', 'port to listen on (env PORT)', String(config.port))
    .option('--no-seed', 'do not seed the demo company on an empty database (env PACER_SEED_DEMO=false)')
    .action(async (opts: { port: string; seed: boolean }) => {
      const { handle, deps } = await open(config);
      if (opts.seed && config.seedDemo && !(await hasAnyTenant(deps.db))) {
        const summary = await runSeed(deps, config, {});
        printAccounts(summary.accounts.filter((a) => a.email.split('@')[0]?.match(/^(admin|manager|rep|finance)$/)));
      }
      const live = createLive();
      // Two or more server processes on one PostgreSQL: changes travel between them by LISTEN/NOTIFY.
      if (config.database.dialect === 'postgres') await live.hub.listenAcrossProcesses(deps.db, config.database.url);
      const app = await buildApp(
        { ...deps, live },
        { logger: { level: config.logLevel }, webDistDir: resolve(process.env.PACER_WEB_DIST ?? 'dist/web') },
      );
      // Keep the planner's statistics fresh as the data grows (SQLite's advice: hourly).
      setInterval(() => {
        refreshStatistics(deps.db, deps.dialect).catch((err: unknown) =>
          app.log.error({ err }, 'refreshing statistics failed'),
        );
      }, 3_600_000).unref();
      // Every Monday (checked hourly) last week's leaderboards of every tenant are archived.
      const stopArchiver = startBoardArchiver(deps, app.log);
      const close = async () => {
        stopArchiver();
        await app.close();
        await live.hub.close();
        await handle.destroy();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: Number(opts.port), host: config.host });
      const url = `http://localhost:${Number(opts.port)}`;
      console.log(
        `Pacer is running on ${config.database.dialect === 'sqlite' ? `SQLite (${config.database.file})` : 'PostgreSQL'}`,
      );
      console.log(`  Web app:  ${url}`);
      console.log(`  API:      ${url}/api/v1   docs: ${url}/api/docs   OpenAPI: ${url}/api/openapi.json`);
      console.log(
        '  Log in:   admin@pacer.demo / manager@pacer.demo / rep@pacer.demo / finance@pacer.demo, password pacer-demo',
      );
    });

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const handle = openDatabase(config.database);
      const applied = await migrateToLatest(handle.db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
      await handle.destroy();
    });

  program
    .command('seed-demo')
    .description('create the demo company 示例科技有限公司 with 18 months of history')
    .option('--seed <n>', 'random seed (the same seed and today give the same company)', (v) => Number(v))
    .option('--slug <slug>', 'tenant slug', 'demo')
    .option('--today <date>', 'the last day of history, YYYY-MM-DD (default: today)')
    .action(async (opts: { seed?: number; slug: string; today?: string }) => {
      const { handle, deps } = await open(config);
      const summary = await runSeed(deps, config, opts);
      printAccounts(summary.accounts.slice(0, 4));
      await handle.destroy();
    });

  program
    .command('import')
    .description('import a CSV or XLSX file of one record kind (upsert by externalId)')
    .argument(
      '<kind>',
      `record kind: ${recordKinds
        .filter((k) => !k.isReadOnly)
        .map((k) => k.path)
        .join(', ')}`,
    )
    .argument('<file>', 'the .csv or .xlsx file')
    .option('--tenant <slug>', 'tenant slug (needed when there are several)')
    .option('--dry-run', 'check every row and report, change nothing')
    .option('--skip-bad-rows', 'write the good rows and report the bad ones (default: all or nothing)')
    .addOption(
      new Option('--lang <locale>', 'language of messages and headers').choices(['zh-CN', 'en']).default('zh-CN'),
    )
    .action(
      async (
        path: string,
        file: string,
        opts: { tenant?: string; dryRun?: boolean; skipBadRows?: boolean; lang: Locale },
      ) => {
        const kind = kindArg(path);
        const { handle, deps } = await open(config);
        try {
          const actor = await systemActor(deps, await tenantId(deps, opts.tenant));
          const bar = new SingleBar({ format: '{phase} [{bar}] {value}/{total} rows', hideCursor: true });
          let started = false;
          const report = await importFile(
            deps,
            actor,
            kind,
            { bytes: readFileSync(file), fileName: basename(file) },
            {
              dryRun: opts.dryRun,
              skipInvalid: opts.skipBadRows,
              locale: opts.lang,
              onProgress: (phase, done, total) => {
                if (!started) bar.start(total, 0, { phase });
                started = true;
                bar.setTotal(total);
                bar.update(done, { phase: phase === 'check' ? 'checking' : 'writing ' });
              },
            },
          );
          if (started) bar.stop();
          console.log(
            `${report.fileName} (${report.format}${report.encoding ? `, ${report.encoding}` : ''}): ${report.total} rows; ` +
              `created ${report.created.length}, updated ${report.updated.length}, unchanged ${report.unchanged.length}, ` +
              `bad ${new Set(report.issues.map((i) => i.index)).size}${report.isCommitted ? '' : ' — nothing was written'}`,
          );
          if (report.ignoredColumns.length) console.log(`ignored columns: ${report.ignoredColumns.join(', ')}`);
          for (const i of report.issues.slice(0, 200))
            console.log(`  row ${i.rowNumber ?? '?'}  ${i.field ?? ''}: ${i.reason}`);
          if (report.issues.length > 200) console.log(`  ... and ${report.issues.length - 200} more`);
          for (const w of report.warnings.slice(0, 50))
            console.log(`  warning row ${w.rowNumber ?? '?'}  ${w.field ?? ''}: ${w.reason}`);
          process.exitCode = report.issues.length > 0 && !opts.dryRun && !report.isCommitted ? 1 : 0;
        } finally {
          await handle.destroy();
        }
      },
    );

  program
    .command('export')
    .description('export one record kind to XLSX or CSV')
    .argument('<kind>', 'record kind, e.g. customers')
    .option('--tenant <slug>', 'tenant slug (needed when there are several)')
    .addOption(new Option('--format <format>', 'file format').choices(['xlsx', 'csv']).default('xlsx'))
    .addOption(new Option('--lang <locale>', 'header language').choices(['zh-CN', 'en']).default('zh-CN'))
    .option('--out <file>', 'output file (default: <kind>.<format>)')
    .action(async (path: string, opts: { tenant?: string; format: 'xlsx' | 'csv'; lang: Locale; out?: string }) => {
      const kind = kindArg(path);
      const { handle, deps } = await open(config);
      try {
        const actor = await systemActor(deps, await tenantId(deps, opts.tenant));
        const bytes = await exportRecords(deps, actor, kind, opts.format, opts.lang, { filters: {} });
        const out = opts.out ?? `${kind.path}.${opts.format}`;
        writeFileSync(out, bytes);
        console.log(`wrote ${out} (${bytes.length} bytes)`);
      } finally {
        await handle.destroy();
      }
    });

  program
    .command('archive-boards')
    .description(
      'archive the weekly leaderboards of a past ISO week (default: last week); a second run changes nothing',
    )
    .option('--week <key>', 'an ISO week that is over, e.g. 2025-W11 (default: the last whole week of each tenant)')
    .option('--tenant <slug>', 'tenant slug (default: every tenant)')
    .action(async (opts: { week?: string; tenant?: string }) => {
      const { handle, deps } = await open(config);
      try {
        const tenants = opts.tenant
          ? [await findTenantBySlug(deps.db, opts.tenant)].flatMap((t) => (t ? [t] : []))
          : await listTenants(deps.db);
        if (tenants.length === 0)
          throw new Error(opts.tenant ? `no tenant with slug '${opts.tenant}'` : 'there is no tenant yet');
        for (const tenant of tenants) {
          const week = opts.week ?? lastWholeWeekKey(localDate(deps.clock.now(), tenant.timeZone));
          const done = await archiveWeeklyLeaderboards(deps, tenant.id, week);
          console.log(
            `${tenant.slug} ${done.weekKey}: archived ${done.archived.length} boards` +
              (done.alreadyArchived.length ? `, ${done.alreadyArchived.length} were archived already` : ''),
          );
        }
      } finally {
        await handle.destroy();
      }
    });

  program
    .command('recompute')
    .description('rebuild what the metric engine keeps from the records, and report any disagreement')
    .option('--tenant <slug>', 'tenant slug (default: every tenant)')
    .option('--check', 'only count the stored values that disagree with a rebuild; change nothing')
    .action(async (opts: { tenant?: string; check?: boolean }) => {
      const { handle, deps } = await open(config);
      try {
        const tenants = opts.tenant
          ? [await tenantId(deps, opts.tenant)]
          : (await listTenants(deps.db)).map((t) => t.id);
        let disagreements = 0;
        for (const id of tenants) {
          const bar = new SingleBar({ format: 'recompute {table} [{bar}] {value} rows', hideCursor: true });
          bar.start(1, 0, { table: '' });
          const reports = await recomputeTenant(deps, id, {
            checkOnly: opts.check,
            onPage: (table, checked) => {
              bar.setTotal(Math.max(checked, 1));
              bar.update(checked, { table });
            },
          });
          bar.stop();
          for (const r of reports)
            console.log(`  ${r.table.padEnd(16)} ${String(r.checked).padStart(9)} rows, ${r.mismatched} disagreed`);
          disagreements += reports.reduce((s, r) => s + r.mismatched, 0);
        }
        console.log(
          disagreements === 0
            ? 'everything the engine keeps agrees with a full recompute'
            : `${disagreements} stored values disagreed${opts.check ? ' (run without --check to fix them)' : ' and were rebuilt'}`,
        );
        process.exitCode = opts.check && disagreements > 0 ? 1 : 0;
      } finally {
        await handle.destroy();
      }
    });

  program
    .command('backup')
    .description('copy the SQLite database while the app runs (PostgreSQL: prints the pg_dump command)')
    .option('--out <file>', 'backup file', `pacer-backup-${new Date().toISOString().slice(0, 10)}.sqlite`)
    .action(async (opts: { out: string }) => {
      if (config.database.dialect === 'postgres') {
        console.log('Pacer is on PostgreSQL: back it up with its own tools, for example');
        console.log(
          `  pg_dump --format=custom --file=pacer.dump "${config.database.url.replace(/:[^:@/]+@/, ':***@')}"`,
        );
        return;
      }
      const handle = openDatabase(config.database);
      // better-sqlite3's backup uses SQLite's online backup API: consistent while others write.
      await handle.sqlite?.backup(opts.out);
      await handle.destroy();
      console.log(`backed up ${config.database.file} to ${opts.out}`);
    });

  return program;
}

const isMain = process.argv[1] && /(main\.ts|pacer(\.js)?)$/.test(process.argv[1]);
if (isMain) {
  buildCli()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      console.error(`pacer: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
