import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/app/auth/authenticate.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { computeValues } from '../../src/app/metrics/compute-metrics.ts';
import { recomputeTenant } from '../../src/app/metrics/recompute.ts';
import { deleteVisibleRecord } from '../../src/app/records/delete-record.ts';
import { saveRecords } from '../../src/app/records/save-records.ts';
import { createTenant } from '../../src/app/tenants/create-tenant.ts';
import { updateTenantSettings } from '../../src/app/tenants/tenant-settings.ts';
import { kindByName } from '../../src/domain/records/kinds.ts';
import { seedRecords } from '../factories.ts';
import { createTestDatabase, dialects, fixedClock, type TestDatabase } from '../support/test-db.ts';

// Property: after any sequence of writes (activities created, edited and deleted, proposals,
// time-zone changes), (1) what the engine keeps agrees with a full recompute, and (2) the engine's
// follow-ups and entry timeliness equal a naive reference computed here from the raw rows.

const NOW = '2026-03-20T04:00:00Z';
const PEOPLE = ['P1', 'P2'];
const CUSTOMERS = ['C1', 'C2', null];
const NOTES = ['', '好', '  拜访客户了解需求  ', '电话沟通报价', '\u3000好的\u3000', '五个字符啊', '四个字符'];
const ZONES = ['Asia/Shanghai', 'America/Los_Angeles', 'Europe/London'];
const TYPES = ['call', 'visit', 'other', 'email'];

type Command =
  | { op: 'add'; person: number; customer: number; type: number; minutesAgo: number; delay: number; notes: number }
  | { op: 'edit'; pick: number; notes: number; minutesAgo: number }
  | { op: 'delete'; pick: number }
  | { op: 'zone'; zone: number };

// Times cluster in the last 3 days and around the February/March boundary, so duplicates and
// time-zone-sensitive month membership happen often.
const minutesAgo = fc.oneof(fc.nat(60 * 30), fc.integer({ min: 60 * 24 * 19, max: 60 * 24 * 21 }));
// Mostly valid, alike activities, so that same-day duplicates are common.
const usually = (value: number, max: number) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: fc.nat(max) });

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      person: fc.nat(1),
      customer: usually(0, 2),
      type: usually(0, 3),
      minutesAgo,
      delay: fc.nat(60 * 50),
      notes: usually(2, 6),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('edit' as const), pick: fc.nat(50), notes: usually(3, 6), minutesAgo }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('zone' as const), zone: fc.nat(2) }) },
);

const localDay = (instant: string, zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );

/** The reference: spec 3 read literally, over the raw rows. */
function reference(
  rows: Array<{
    personId: string;
    customerId: string | null;
    type: string;
    occurredAt: string;
    loggedAt: string;
    notes: string;
    id: string;
  }>,
  zone: string,
  month: string,
  personId: string,
) {
  const mine = rows.filter((r) => r.personId === personId && localDay(r.occurredAt, zone).startsWith(month));
  const valid = mine.filter((r) => r.customerId !== null && [...r.notes.trim()].length >= 5);
  const kept = new Set(valid.map((r) => `${r.customerId}|${r.type}|${localDay(r.occurredAt, zone)}`));
  const followUps = [...kept].filter((k) => k.split('|')[1] !== 'other').length;
  const onTime = mine.filter((r) => Date.parse(r.loggedAt) - Date.parse(r.occurredAt) <= 86_400_000).length;
  return { followUps, timeliness: mine.length === 0 ? null : onTime / mine.length };
}

describe.each(dialects)('recompute agrees with the write path on %s', (dialect) => {
  let db: TestDatabase;
  let deps: AppDeps;
  let run = 0;

  beforeAll(async () => {
    db = await createTestDatabase(dialect, fixedClock(NOW));
    deps = db.deps;
  });
  afterAll(async () => db?.drop());

  it('for any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 16 }), async (commands) => {
        run += 1;
        const tenantId = await createTenant(deps, { slug: `p${run}`, name: `p${run}` });
        const people = await seedRecords(
          deps,
          tenantId,
          'people',
          PEOPLE.map((p) => ({ externalId: p, name: p })),
        );
        await seedRecords(deps, tenantId, 'customers', [
          { externalId: 'C1', name: 'c1', grade: 'A', ownerId: 'P1' },
          { externalId: 'C2', name: 'c2', grade: 'B', ownerId: 'P2' },
        ]);
        const ids: string[] = [];
        let zone = 'Asia/Shanghai';
        for (const c of commands) {
          const actor = await systemActor(deps, tenantId);
          const kind = kindByName('activities');
          if (c.op === 'add') {
            const occurred = new Date(Date.parse(NOW) - c.minutesAgo * 60_000);
            const report = await saveRecords(
              deps,
              actor,
              kind,
              'upsert',
              [
                {
                  raw: {
                    personId: PEOPLE[c.person],
                    customerId: CUSTOMERS[c.customer],
                    type: TYPES[c.type],
                    occurredAt: occurred.toISOString(),
                    loggedAt: new Date(Math.min(occurred.getTime() + c.delay * 60_000, Date.parse(NOW))).toISOString(),
                    notes: NOTES[c.notes],
                  },
                },
              ],
              { source: 'import' },
            );
            ids.push(...report.created);
          } else if (c.op === 'edit' && ids.length > 0) {
            const id = ids[c.pick % ids.length] as string;
            await saveRecords(
              deps,
              actor,
              kind,
              'update',
              [
                {
                  id,
                  raw: {
                    notes: NOTES[c.notes],
                    occurredAt: new Date(Date.parse(NOW) - c.minutesAgo * 60_000).toISOString(),
                  },
                },
              ],
              { source: 'api' },
            );
          } else if (c.op === 'delete' && ids.length > 0) {
            const [id] = ids.splice(c.pick % ids.length, 1);
            await deleteVisibleRecord(deps, actor, kind, id as string);
          } else if (c.op === 'zone') {
            zone = ZONES[c.zone] as string;
            await updateTenantSettings(deps, actor, { timeZone: zone });
          }
        }
        const check = await recomputeTenant(deps, tenantId, { checkOnly: true });
        expect(check.reduce((s, r) => s + r.mismatched, 0)).toBe(0);

        const actor = await systemActor(deps, tenantId);
        const rows = await deps.db
          .selectFrom('activities')
          .select(['id', 'personId', 'customerId', 'type', 'occurredAt', 'loggedAt', 'notes'])
          .where('tenantId', '=', tenantId)
          .execute();
        for (const month of ['2026-02', '2026-03']) {
          const { values } = await computeValues(deps, actor, {
            metricIds: ['follow_ups', 'entry_timeliness'],
            subjects: PEOPLE.map((p) => ({ kind: 'person' as const, id: people[p] as string })),
            periodKey: month,
          });
          PEOPLE.forEach((p, i) => {
            const want = reference(rows, zone, month, people[p] as string);
            expect(values[i]?.value, `follow_ups ${p} ${month}`).toBe(want.followUps);
            const timeliness = values[PEOPLE.length + i]?.value ?? null;
            expect(timeliness === null ? null : Number(timeliness.toFixed(12))).toBe(
              want.timeliness === null ? null : Number(want.timeliness.toFixed(12)),
            );
          });
        }
      }),
      { numRuns: 30, seed: 20261127 },
    );
  });
});
