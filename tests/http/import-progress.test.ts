import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/app/auth/authenticate.ts';
import { importFile } from '../../src/app/import-export/import-records.ts';
import { kindByName } from '../../src/domain/records/kinds.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, type TestCompany } from '../factories.ts';
import { multipartFile } from '../support/multipart.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// The import wizard's bar follows the server: an import started with a jobId can be polled for
// its phase (reading, check, write, done or failed) and row counts, by its own user only.

describe.each(dialects)('import progress on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let co: TestCompany;
  const as: Record<string, Session> = {};
  let header = '';

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2026-03-10T02:00:00Z'));
    co = await buildTestCompany(db.deps);
    app = await buildApp(db.deps);
    for (const who of ['admin', 'finance']) as[who] = await logIn(app, co.emails[who] as string);
    const template = await app.inject({
      method: 'GET',
      url: '/api/v1/customers/template?format=csv&lang=zh-CN',
      headers: as.admin?.headers,
    });
    header = template.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0] as string;
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const csv = (rows: string[]) => Buffer.from(`${header}\r\n${rows.join('\r\n')}\r\n`);
  const upload = (bytes: Buffer, query: string) => {
    const form = multipartFile('customers.csv', bytes);
    return app.inject({
      method: 'POST',
      url: `/api/v1/customers/import${query}`,
      headers: { ...as.admin?.headers, ...form.headers },
      payload: form.payload,
    });
  };
  const progress = (who: string, jobId: string) =>
    app.inject({ method: 'GET', url: `/api/v1/imports/${jobId}/progress`, headers: as[who]?.headers });

  it('reports its steps in order: checking rows, then writing them', async () => {
    const steps: string[] = [];
    const actor = await systemActor(db.deps, co.tenantId);
    const report = await importFile(
      db.deps,
      actor,
      kindByName('customers'),
      { bytes: csv(['P-1,进度客户一,A,,制造业,上海', 'P-2,进度客户二,B,,制造业,上海']), fileName: 'c.csv' },
      { onProgress: (phase, done, total) => steps.push(`${phase} ${done}/${total}`) },
    );
    expect(report.isCommitted).toBe(true);
    expect(steps).toEqual(['check 2/2', 'write 0/2', 'write 2/2']);
  });

  it('a committed import ends done with its row count; its user alone can read it', async () => {
    const res = await upload(
      csv(['P-3,进度客户三,A,,制造业,上海', 'P-4,进度客户四,B,,制造业,上海']),
      '?jobId=job-0001-commit',
    );
    expect(res.statusCode, res.body).toBe(200);
    const seen = await progress('admin', 'job-0001-commit');
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual({ jobId: 'job-0001-commit', phase: 'done', done: 2, total: 2 });
    expect((await progress('finance', 'job-0001-commit')).statusCode).toBe(404);
    expect((await progress('admin', 'job-0002-never')).statusCode).toBe(404);
  });

  it('a refused file ends failed; a bad job id is refused', async () => {
    const res = await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]), '?jobId=job-0003-broken');
    expect(res.statusCode).toBe(422);
    expect((await progress('admin', 'job-0003-broken')).json()).toMatchObject({ phase: 'failed' });
    const bad = await upload(csv(['P-5,进度客户五,A,,制造业,上海']), '?jobId=../../etc');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'jobId' });
  });
});
