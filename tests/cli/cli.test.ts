import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'pacer-cli-'));
// The CLI is tested as a person runs it: a separate process, on SQLite in a fresh DATA_DIR.
const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
const pacer = (...args: string[]) =>
  run('node', ['bin/pacer.js', ...args], { env, cwd: process.cwd(), timeout: 120_000 });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the pacer command', () => {
  it.each(['serve', 'migrate', 'seed-demo', 'import', 'export', 'recompute', 'backup'])(
    '%s --help explains itself',
    async (command) => {
      const { stdout } = await pacer(command, '--help');
      expect(stdout).toContain(`Usage: pacer ${command}`);
    },
  );

  it('seeds the demo company, exports, imports back, and backs up', { timeout: 180_000 }, async () => {
    const seeded = await pacer('seed-demo', '--today', '2026-11-27');
    expect(seeded.stdout).toContain("Seeded 示例科技有限公司 (tenant 'demo')");
    expect(seeded.stdout).toContain('rep@pacer.demo');

    const again = await pacer('seed-demo', '--today', '2026-11-27').catch((e: { stderr: string; code: number }) => e);
    expect(again).toMatchObject({ code: 1 });
    expect((again as { stderr: string }).stderr).toContain('demo');

    const out = join(dir, 'customers.csv');
    const exported = await pacer('export', 'customers', '--format', 'csv', '--out', out);
    expect(exported.stdout).toContain(`wrote ${out}`);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('ID,外部编号,客户名称,客户等级,负责人,行业,地区');
    expect(lines).toHaveLength(599);

    const imported = await pacer('import', 'customers', out);
    expect(imported.stdout).toContain(
      'customers.csv (csv, utf-8): 598 rows; created 0, updated 0, unchanged 598, bad 0',
    );

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '客户名称,客户等级\n好公司,A\n坏公司,Z\n');
    const refused = await pacer('import', 'customers', bad).catch((e: { stdout: string; code: number }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stdout: string }).stdout).toContain('row 3  grade: "Z" is not one of A, B, C');
    expect((refused as { stdout: string }).stdout).toContain('nothing was written');

    const recompute = await pacer('recompute', '--check');
    expect(recompute.stdout).toContain('everything the engine keeps agrees with a full recompute');

    const backup = join(dir, 'backup.sqlite');
    const backedUp = await pacer('backup', '--out', backup);
    expect(backedUp.stdout).toContain(`to ${backup}`);
    expect(existsSync(backup) && statSync(backup).size > 1_000_000).toBe(true);
  });

  it('names the valid kinds when given an unknown one', async () => {
    const error = await pacer('export', 'widgets').catch((e: { stderr: string }) => e);
    expect((error as { stderr: string }).stderr).toContain(
      "unknown record kind 'widgets'; one of: positions, org-units",
    );
  });
});
