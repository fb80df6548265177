import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/app/context.ts';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildTestCompany } from '../factories.ts';

// `pacer archive-boards` as a person runs it: a separate process on SQLite, on a small company.

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'pacer-cli-boards-'));
const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
const pacer = (...args: string[]) =>
  run('node', ['bin/pacer.js', ...args], { env, cwd: process.cwd(), timeout: 120_000 });
const failure = (e: unknown) => e as { code: number; stderr: string };

beforeAll(async () => {
  const handle = openDatabase({ dialect: 'sqlite', file: join(dir, 'pacer.sqlite') });
  await migrateToLatest(handle.db);
  await buildTestCompany({ db: handle.db, dialect: 'sqlite', clock: systemClock });
  await handle.destroy();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pacer archive-boards', () => {
  it('archives a past week once; a second run changes nothing', { timeout: 60_000 }, async () => {
    const first = await pacer('archive-boards', '--week', '2025-W11');
    expect(first.stdout.trim()).toBe('acme 2025-W11: archived 11 boards');
    const second = await pacer('archive-boards', '--week', '2025-W11', '--tenant', 'acme');
    expect(second.stdout.trim()).toBe('acme 2025-W11: archived 0 boards, 11 were archived already');
  });

  it('refuses a week that is not a week or not over, naming it', { timeout: 60_000 }, async () => {
    const month = failure(await pacer('archive-boards', '--week', '2025-03').catch((e: unknown) => e));
    expect(month.code).toBe(1);
    expect(month.stderr).toContain("week: '2025-03' is not an ISO week key such as 2025-W11");
    const future = failure(await pacer('archive-boards', '--week', '2999-W01').catch((e: unknown) => e));
    expect(future.stderr).toContain('a week is archived once it is over');
  });
});
