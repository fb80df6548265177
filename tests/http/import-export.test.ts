import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/app/files/read-table.ts';
import { type WriteFormat, writeTable } from '../../src/app/files/write-table.ts';
import { createTenant, createUser } from '../../src/app/tenants/create-tenant.ts';
import type { KindName } from '../../src/domain/records/field.ts';
import { kindByName, recordKinds } from '../../src/domain/records/kinds.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { logIn, PASSWORD, type Session } from '../factories.ts';
import { makeZip } from '../support/make-zip.ts';
import { multipartFile } from '../support/multipart.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// One row or two per record kind, written the way a person fills the template in Excel:
// references by externalId, money in yuan, enum values by their Chinese label, local dates.
const samples: Array<[KindName, Record<string, string>[]]> = [
  ['positions', [{ externalId: 'POS-H', code: 'hunter', name: '新客开发' }]],
  [
    'orgUnits',
    [
      { externalId: 'T1', name: '上海一组', kind: '团队', parentId: 'EAST' },
      { externalId: 'CO', name: '示例公司', kind: '公司' },
      { externalId: 'EAST', name: '华东', kind: '区域', parentId: 'CO' },
    ],
  ],
  [
    'people',
    [
      {
        externalId: 'P1',
        name: '王小明',
        email: 'p1@import.test',
        positionId: 'hunter',
        unitId: 'T1',
        hiredOn: '2025/1/2',
      },
      {
        externalId: 'P2',
        name: '李丽',
        email: 'p2@import.test',
        positionId: 'POS-H',
        managerId: 'P1',
        unitId: 'T1',
        hiredOn: '2025-01-02',
      },
    ],
  ],
  [
    'memberships',
    [{ externalId: 'M-OLD', personId: 'P2', unitId: 'EAST', startOn: '2024-01-01', endOn: '2024-12-31' }],
  ],
  ['calendarDays', [{ date: '2026-10-01', kind: '休假', name: '国庆节' }]],
  [
    'customers',
    [{ externalId: 'C1', name: '上海远航科技有限公司', grade: 'A', ownerId: 'P1', industry: '制造业', region: '上海' }],
  ],
  ['contacts', [{ externalId: 'CT1', customerId: 'C1', name: '赵总', title: '采购总监' }]],
  [
    'deals',
    [
      {
        externalId: 'D1',
        customerId: 'C1',
        name: '年度采购',
        amountCents: '12.5万',
        stage: '商务谈判',
        createdOn: '2026/1/5',
        ownerId: 'P1',
        team: 'P1:owner:60;P2:assist:40',
      },
    ],
  ],
  [
    'contracts',
    [
      {
        externalId: 'K1',
        customerId: 'C1',
        dealId: 'D1',
        ownerId: 'P1',
        title: '年度采购合同',
        amountCents: '¥120,000.00',
        signedOn: '2026-02-01',
        status: '执行中',
        splits: 'P1:60;P2:40',
      },
    ],
  ],
  ['installments', [{ externalId: 'I1', contractId: 'K1', dueOn: '2026-02-15', amountCents: '60000' }]],
  ['payments', [{ externalId: 'PAY1', contractId: 'K1', receivedOn: '2026-02-20', amountCents: '60,000.00' }]],
  [
    'activities',
    [
      {
        externalId: 'A1',
        personId: 'P1',
        customerId: 'C1',
        type: '拜访',
        occurredAt: '2026-03-01 10:00',
        durationMin: '30',
        notes: '上门拜访，沟通方案',
        loggedAt: '2026-03-02 09:00',
      },
    ],
  ],
  [
    'proposals',
    [
      {
        externalId: 'PR1',
        personId: 'P1',
        customerId: 'C1',
        dealId: 'D1',
        title: '采购方案',
        dueOn: '2026-02-10',
        sentAt: '2026-02-09 18:00',
      },
    ],
  ],
  [
    'surveys',
    [
      {
        externalId: 'S1',
        customerId: 'C1',
        personId: 'P1',
        score: '5',
        respondedOn: '2026-03-05',
        comment: '服务很好',
      },
    ],
  ],
  [
    'knowledgePosts',
    [
      {
        externalId: 'KP1',
        authorId: 'P1',
        title: '如何应对价格异议',
        body: '先确认需求，再谈价值。',
        publishedAt: '2026-03-01 12:00',
      },
    ],
  ],
  ['knowledgeVotes', [{ externalId: 'KV1', postId: 'KP1', voterId: 'P2', votedAt: '2026-03-02 12:00' }]],
  ['peerRatings', [{ externalId: 'RT1', raterId: 'P2', rateeId: 'P1', month: '2026-02', score: '4' }]],
  [
    'disputes',
    [
      {
        personId: 'P2',
        ownerId: 'P1',
        metricId: 'follow_ups',
        periodKey: '2026-03',
        description: '拜访被误判为重复',
        deadlineOn: '2026-03-20',
        status: '处理中',
      },
    ],
  ],
  // The scheme version is created in the test; VERSION is replaced by its id.
  [
    'schemeFeedback',
    [{ schemeVersionId: 'VERSION', metricId: 'follow_ups', personId: 'P2', rating: '4', comment: '跟进次数权重偏高' }],
  ],
];

describe.each(dialects)('import and export on %s', (dialect) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const admins: Record<string, Session> = {};

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock('2026-03-10T02:00:00Z'));
    app = await buildApp(db.deps);
    for (const slug of ['csv', 'xlsx', 'bad']) {
      const tenantId = await createTenant(db.deps, { slug, name: slug });
      await createUser(db.deps, tenantId, {
        email: `admin@${slug}.test`,
        password: PASSWORD,
        role: 'admin',
        displayName: 'admin',
      });
      admins[slug] = await logIn(app, `admin@${slug}.test`);
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const upload = (who: string, path: string, fileName: string, bytes: Buffer, query = '') => {
    const form = multipartFile(fileName, bytes);
    return app.inject({
      method: 'POST',
      url: `/api/v1/${path}/import${query}`,
      headers: { ...admins[who]?.headers, ...form.headers },
      payload: form.payload,
    });
  };

  async function schemeVersion(who: string) {
    const positions = (
      await app.inject({ method: 'GET', url: '/api/v1/positions', headers: admins[who]?.headers })
    ).json().items;
    const scheme = await app.inject({
      method: 'POST',
      url: '/api/v1/schemes',
      headers: admins[who]?.headers,
      payload: { positionId: positions[0].id, name: '考核' },
    });
    const version = await app.inject({
      method: 'POST',
      url: `/api/v1/schemes/${scheme.json().id}/versions`,
      headers: admins[who]?.headers,
      payload: {
        effectiveFrom: '2026-01-01',
        items: [{ metricId: 'follow_ups', weight: 100, role: 'primary', mode: 'linear' }],
      },
    });
    return version.json().id as string;
  }

  it.each(['csv', 'xlsx'] as WriteFormat[])('imports every record kind from its %s template', async (format) => {
    expect(samples.map(([k]) => k)).toEqual(recordKinds.filter((k) => !k.isReadOnly).map((k) => k.name));
    let versionId = '';
    for (const [index, [name, sampleRows]] of samples.entries()) {
      const kind = kindByName(name);
      if (name === 'schemeFeedback') versionId = await schemeVersion(format);
      const rows = sampleRows.map((r) => (r.schemeVersionId ? { ...r, schemeVersionId: versionId } : r));
      const lang = index % 2 === 0 ? 'zh-CN' : 'en';
      const template = await app.inject({
        method: 'GET',
        url: `/api/v1/${kind.path}/template?format=${format}&lang=${lang}`,
        headers: admins[format]?.headers,
      });
      expect(template.statusCode).toBe(200);
      const { headers } = await readTable({ bytes: template.rawPayload, fileName: `t.${format}` });
      const first = kind.fields[0];
      const firstField = `${first?.label[lang]}${first?.isRequired && !first.default ? '*' : ''}`;
      expect(headers[0]).toBe(kind.hasExternalId ? (lang === 'zh-CN' ? '外部编号' : 'External ID') : firstField);
      const columnKeys = headers.map((h) => {
        const bare = h.replace(/\*$/, '');
        if (bare === '外部编号' || bare === 'External ID') return 'externalId';
        const field = kind.fields.find((f) => f.label[lang] === bare);
        if (!field) throw new Error(`${kind.name} template header ${h} matches no field`);
        return field.name;
      });
      const file = await writeTable(format, {
        sheetName: 'data',
        headers,
        rows: rows.map((row) => columnKeys.map((key) => row[key] ?? null)),
      });
      const res = await upload(format, kind.path, `${kind.path}.${format}`, file, `?lang=${lang}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json(), `${kind.name}: ${res.body}`).toMatchObject({
        isCommitted: true,
        issues: [],
        total: rows.length,
      });
      expect(res.json().created.length + res.json().updated.length).toBe(rows.length);
    }
    const get = async (path: string) =>
      (await app.inject({ method: 'GET', url: `/api/v1/${path}`, headers: admins[format]?.headers })).json().items;
    const [deal] = await get('deals');
    expect(deal).toMatchObject({ amountCents: 125_000_00, stage: 'negotiate', createdOn: '2026-01-05' });
    expect(deal.team.map((m: { sharePct: number }) => m.sharePct)).toEqual([60, 40]);
    const [contract] = await get('contracts');
    expect(contract).toMatchObject({ amountCents: 120_000_00, status: 'active' });
    const [activity] = await get('activities');
    expect(activity).toMatchObject({
      occurredAt: '2026-03-01T02:00:00.000Z',
      occurredOn: '2026-03-01',
      loggedAt: '2026-03-02T01:00:00.000Z',
      type: 'visit',
    });
    const people = await get('people?sort=name');
    expect(people.map((p: { name: string; unitId: string }) => p.name)).toEqual(['李丽', '王小明']);
    const units = await get('org-units?sort=name');
    const t1 = units.find((u: { externalId: string }) => u.externalId === 'T1');
    expect(t1.path.split('/').filter(Boolean)).toHaveLength(3);
    expect(people.every((p: { unitId: string }) => p.unitId === t1.id)).toBe(true);
  });

  it('exports what it imports: the export of a kind imports again unchanged', async () => {
    for (const format of ['csv', 'xlsx'] as WriteFormat[]) {
      for (const path of ['customers', 'deals', 'contracts', 'activities']) {
        const exported = await app.inject({
          method: 'GET',
          url: `/api/v1/${path}/export?format=${format}&lang=zh-CN`,
          headers: admins.xlsx?.headers,
        });
        expect(exported.statusCode).toBe(200);
        const again = await upload('xlsx', path, `${path}.${format}`, exported.rawPayload);
        expect(again.json(), again.body).toMatchObject({ isCommitted: true, issues: [], created: [], updated: [] });
        expect(again.json().unchanged).toHaveLength(1);
        expect(again.json().ignoredColumns).toEqual(
          path === 'activities' ? ['跟进日期', '内容字数', '无效原因', '24小时内录入'] : [],
        );
      }
    }
  });

  it('reads a GBK CSV saved by Excel on Chinese Windows', async () => {
    const text = '客户名称,客户等级,外部编号\r\n北京华信贸易有限公司,B,GBK-1\r\n广州岭南实业有限公司,C,GBK-2\r\n';
    const res = await upload('bad', 'customers', 'customers.csv', iconv.encode(text, 'gbk'));
    expect(res.json()).toMatchObject({ encoding: 'gbk', isCommitted: true });
    const list = await app.inject({ method: 'GET', url: '/api/v1/customers?sort=name', headers: admins.bad?.headers });
    expect(list.json().items.map((c: { name: string }) => c.name)).toEqual([
      '北京华信贸易有限公司',
      '广州岭南实业有限公司',
    ]);
  });

  it('a dry run reports every bad row and field and writes nothing; commit is all or nothing; skip writes the rest', async () => {
    const csv = [
      'External ID,Name*,Grade*,Owner',
      'BAD-1,好客户,A,',
      'BAD-2,等级错,Z,',
      'BAD-3,,B,nobody@x',
      'BAD-4,又一个好客户,C,',
    ].join('\n');
    const bytes = Buffer.from(csv);
    const dry = await upload('bad', 'customers', 'c.csv', bytes, '?dryRun=true');
    // The dry run says what a commit skipping the bad rows would do: create the two good customers.
    expect(dry.json()).toMatchObject({ isCommitted: false, total: 4, updated: [], unchanged: [] });
    expect(dry.json().created).toHaveLength(2);
    expect(
      dry.json().issues.map((i: { rowNumber: number; field: string; code: string }) => [i.rowNumber, i.field, i.code]),
    ).toEqual([
      [3, 'grade', 'enum'],
      [4, 'ownerId', 'unknown_ref'],
    ]);
    const all = await upload('bad', 'customers', 'c.csv', bytes);
    expect(all.json()).toMatchObject({ isCommitted: false, created: [] });
    const count = async () =>
      (await app.inject({ method: 'GET', url: '/api/v1/customers?q=好客户', headers: admins.bad?.headers })).json()
        .items.length;
    expect(await count()).toBe(0);
    const skip = await upload('bad', 'customers', 'c.csv', bytes, '?skipInvalid=true');
    expect(skip.json()).toMatchObject({ isCommitted: true, skippedRows: [3, 4] });
    expect(skip.json().created).toHaveLength(2);
    expect(await count()).toBe(2);
  });

  it('refuses a file without a required column, naming the column', async () => {
    const res = await upload('bad', 'customers', 'c.csv', Buffer.from('客户名称\n某公司\n'));
    expect(res.json().issues).toEqual([expect.objectContaining({ field: 'grade', code: 'required', rowNumber: 1 })]);
    expect(res.json().issues[0].reason).toContain('客户等级');
  });

  it('refuses a malformed XLSX, a zip bomb and an oversized upload with clear problems', async () => {
    const malformed = await upload(
      'bad',
      'customers',
      'c.xlsx',
      Buffer.from('PK\u0003\u0004 this is not really a zip'),
    );
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json()).toMatchObject({ type: 'https://pacer.dev/problems/file-not_xlsx' });
    expect(malformed.json().detail).toContain('c.xlsx');
    const bomb = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000), declaredSize: 300 * 1024 * 1024 },
    ]);
    const bombRes = await upload('bad', 'customers', 'bomb.xlsx', bomb);
    expect(bombRes.statusCode).toBe(422);
    expect(bombRes.json().type).toBe('https://pacer.dev/problems/file-zip_bomb');
    const huge = await upload('bad', 'customers', 'huge.csv', Buffer.alloc(21 * 1024 * 1024, 'a'));
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
  });

  it('imports a real XLSX with number and date cells', async () => {
    const file = await writeTable('xlsx', {
      sheetName: 'x',
      headers: ['外部编号', '客户*', '负责人', '合同名称*', '合同金额(元)*', '签约日期*'],
      rows: [['XK-1', 'GBK-1', null, '数字金额合同', 98765.43, new Date(Date.UTC(2026, 1, 28))]],
    });
    const res = await upload('bad', 'contracts', 'k.xlsx', file);
    expect(res.json().issues).toEqual([expect.objectContaining({ field: 'ownerId', code: 'required' })]);
    const fixed = await writeTable('xlsx', {
      sheetName: 'x',
      headers: ['外部编号', '客户*', '负责人', '合同名称*', '合同金额(元)*', '签约日期*'],
      rows: [['XK-1', 'GBK-1', 'admin@bad.test', '数字金额合同', 98765.43, new Date(Date.UTC(2026, 1, 28))]],
    });
    const unknown = await upload('bad', 'contracts', 'k.xlsx', fixed);
    expect(unknown.json().issues[0]).toMatchObject({ field: 'ownerId', code: 'unknown_ref' });
    const person = await app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: admins.bad?.headers,
      payload: { name: '孙强', email: 'admin@bad.test' },
    });
    expect(person.statusCode).toBe(201);
    const ok = await upload('bad', 'contracts', 'k.xlsx', fixed);
    expect(ok.json()).toMatchObject({ isCommitted: true, format: 'xlsx' });
    const saved = await app.inject({
      method: 'GET',
      url: '/api/v1/contracts?externalId=XK-1',
      headers: admins.bad?.headers,
    });
    expect(saved.json().items[0]).toMatchObject({
      amountCents: 98_765_43,
      signedOn: '2026-02-28',
      ownerId: person.json().record.id,
    });
  });
});
