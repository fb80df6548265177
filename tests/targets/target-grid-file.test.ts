import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/build-app.ts';
import { buildTestCompany, logIn, type Session, type TestCompany } from '../factories.ts';
import { multipartFile } from '../support/multipart.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// Targets as an XLSX grid on the acme company (factories.ts): export, edit in "Excel", import back.

describe.each(dialects)('targets grid file on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let co: TestCompany;
  let admin: Session;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2025-03-20T04:00:00Z'));
    co = await buildTestCompany(db.deps);
    app = await buildApp(db.deps);
    admin = await logIn(app, co.emails.admin as string);
    const set = (subject: string, periodKey: string, value: number) => ({
      metricId: 'signed_amount',
      subject,
      periodKey,
      value,
    });
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/targets',
      headers: admin.headers,
      payload: {
        targets: [
          set(`unit:${co.units.T1}`, '2025-01', 1_000_000_00),
          set(`person:${co.people.ALICE}`, '2025-01', 500_000_00),
          set(`person:${co.people.ALICE}`, '2025', 6_000_000_00),
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const exportGrid = async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/targets/export?metricId=signed_amount&year=2025',
      headers: admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return workbook;
  };
  const importGrid = async (workbook: ExcelJS.Workbook, dryRun: boolean) => {
    const file = multipartFile('目标.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    return app.inject({
      method: 'POST',
      url: `/api/v1/targets/import?metricId=signed_amount&year=2025&dryRun=${dryRun}`,
      headers: { ...admin.headers, ...file.headers },
      payload: file.payload,
    });
  };
  const rowOf = (sheet: ExcelJS.Worksheet, code: string) => {
    let found = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(2).value === code) found = n;
    });
    expect(found).toBeGreaterThan(2);
    return sheet.getRow(found);
  };
  const aliceTargets = async () =>
    (
      await app.inject({
        method: 'GET',
        url: `/api/v1/targets?subject=person:${co.people.ALICE}&metricId=signed_amount`,
        headers: admin.headers,
      })
    )
      .json()
      .map((t: { periodKey: string; value: number }) => [t.periodKey, t.value]);

  it('exports the grid: the metric in the title row, units and people down, months and the year across', async () => {
    const sheet = (await exportGrid()).worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '指标 Metric',
      'signed_amount',
      '签约金额 Signed amount',
      '年度 Year',
      '2025',
      '单位 Unit',
      '元 yuan',
    ]);
    const header = sheet.getRow(2).values as unknown[];
    expect(header.slice(1, 6)).toEqual(['类型 Kind', '编码 Code', '名称 Name', '上级 Parent', '2025-01']);
    expect(header.slice(16)).toEqual(['2025-12', '2025 全年 Total']);
    expect(sheet.getRow(3).values).toEqual([undefined, '单位 unit', 'CO', '公司']);
    const t1 = rowOf(sheet, 'T1');
    expect([t1.getCell(1).value, t1.getCell(3).value, t1.getCell(4).value, t1.getCell(5).value]).toEqual([
      '单位 unit',
      '一组',
      'EAST',
      1_000_000,
    ]);
    const alice = rowOf(sheet, 'ALICE');
    expect([alice.getCell(1).value, alice.getCell(4).value, alice.getCell(5).value, alice.getCell(6).value]).toEqual([
      '人员 person',
      'T1',
      500_000,
      null,
    ]);
    expect(alice.getCell(17).value).toBe(6_000_000);
    expect(alice.number).toBe(t1.number + 1);
  });

  it('imports the export unchanged: three cells read, nothing to change', async () => {
    const res = await importGrid(await exportGrid(), true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ cells: 3, changes: [], issues: [], warnings: [], isCommitted: false });
  });

  it('a bad cell: the dry run names each by row, column and reason; the commit changes nothing', async () => {
    const workbook = await exportGrid();
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const alice = rowOf(sheet, 'ALICE');
    const bob = rowOf(sheet, 'BOB');
    alice.getCell(6).value = 1234.56; // 2025-02
    bob.getCell(7).value = -5; // 2025-03
    bob.getCell(8).value = 10.001; // 2025-04
    const dry = await importGrid(workbook, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().issues).toEqual([
      {
        rowNumber: bob.number,
        column: 'G',
        header: '2025-03',
        code: 'negative',
        reason: '-5: a target for signed_amount cannot be negative',
        params: { value: -5 },
      },
      {
        rowNumber: bob.number,
        column: 'H',
        header: '2025-04',
        code: 'fraction_cent',
        reason: '10.001 has fractions of a cent; round it to 2 decimal places',
        params: { value: 10.001 },
      },
    ]);
    expect(dry.json().changes).toEqual([
      {
        rowNumber: alice.number,
        column: 'F',
        subject: { kind: 'person', id: co.people.ALICE },
        periodKey: '2025-02',
        oldValue: null,
        newValue: 123_456,
      },
    ]);
    const commit = await importGrid(workbook, false);
    expect(commit.statusCode).toBe(422);
    expect(commit.json().errors.map((e: { reason: string }) => e.reason)).toEqual([
      `row ${bob.number}, column G (2025-03): -5: a target for signed_amount cannot be negative`,
      `row ${bob.number}, column H (2025-04): 10.001 has fractions of a cent; round it to 2 decimal places`,
    ]);
    expect(await aliceTargets()).toEqual([
      ['2025', 6_000_000_00],
      ['2025-01', 500_000_00],
    ]);
  });

  it('commits a good grid all at once, each change with its history', async () => {
    const workbook = await exportGrid();
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    rowOf(sheet, 'ALICE').getCell(6).value = 1234.56;
    rowOf(sheet, 'T1').getCell(5).value = 900_000;
    const res = await importGrid(workbook, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ cells: 4, isCommitted: true });
    expect(res.json().changes.map((c: { periodKey: string; newValue: number }) => [c.periodKey, c.newValue])).toEqual([
      ['2025-01', 900_000_00],
      ['2025-02', 123_456],
    ]);
    expect(await aliceTargets()).toEqual([
      ['2025', 6_000_000_00],
      ['2025-01', 500_000_00],
      ['2025-02', 123_456],
    ]);
    const [t1] = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/targets?subject=unit:${co.units.T1}&metricId=signed_amount`,
        headers: admin.headers,
      })
    ).json();
    const history = (
      await app.inject({ method: 'GET', url: `/api/v1/targets/${t1.id}/history`, headers: admin.headers })
    ).json();
    expect(history.at(-1)).toMatchObject({
      oldValue: 1_000_000_00,
      newValue: 900_000_00,
      source: 'import',
      reason: `imported from 目标.xlsx (row ${rowOf(sheet, 'T1').number}, column E)`,
    });
  });

  it("refuses a manager's import that changes another team's target, in the dry run already", async () => {
    const mia = await logIn(app, co.emails.mia as string);
    const workbook = await exportGrid();
    rowOf(workbook.worksheets[0] as ExcelJS.Worksheet, 'T2').getCell(5).value = 5;
    const file = multipartFile('t2.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/targets/import?metricId=signed_amount&year=2025&dryRun=true',
      headers: { ...mia.headers, ...file.headers },
      payload: file.payload,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe(`unit ${co.units.T2} is not one you manage`);
  });

  it('refuses a file for another year, naming the title cell', async () => {
    const workbook = await exportGrid();
    (workbook.worksheets[0] as ExcelJS.Worksheet).getCell('E1').value = '2024';
    const res = await importGrid(workbook, true);
    expect(res.json().issues).toEqual([
      {
        rowNumber: 1,
        column: 'A',
        header: '',
        code: 'title_year',
        reason: "the title row names year '2024'; this import is for '2025'",
        params: { found: '2024', expected: '2025' },
      },
    ]);
  });
});
