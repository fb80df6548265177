import { loadMemberships, loadPeople, loadUnits } from '../../db/repositories/org.repository.ts';
import { kindByName } from '../../domain/records/kinds.ts';
import { addDays } from '../../domain/time/dates.ts';
import { periodContaining, periodSeries } from '../../domain/time/periods.ts';
import { systemActor } from '../auth/authenticate.ts';
import type { AppDeps } from '../context.ts';
import { computeValues } from '../metrics/compute-metrics.ts';
import { listVisibleRecords } from '../records/read-records.ts';
import { addVersion, createScheme, publishVersion, type VersionDefinition } from '../scoring/manage-schemes.ts';
import { setTargets, type TargetInput } from '../targets/set-targets.ts';

// The demo company's performance setup, made through the same use cases an admin uses: a
// published scheme per sales position, and monthly targets for every rep, so a new user sees
// scorecards and pace at once. Signed-amount targets are each rep's own monthly average over the
// history plus 10%, rounded to 1,000 yuan; the other targets are the company's standards. Every
// unit's signed-amount target is the sum of its members' (built bottom-up, as a director filling
// the grid in Excel would), so team progress and pace have a line to measure against.

const hunterScheme: VersionDefinition = {
  items: [
    { metricId: 'signed_amount', weight: 40, role: 'primary', mode: 'linear' },
    { metricId: 'new_customers', weight: 20, role: 'primary', mode: 'linear' },
    { metricId: 'collection_rate', weight: 15, role: 'primary', mode: 'linear', cap: 1 },
    { metricId: 'follow_ups', weight: 15, role: 'auxiliary', mode: 'linear' },
    {
      metricId: 'proposal_on_time_rate',
      weight: 10,
      role: 'auxiliary',
      mode: 'steps',
      steps: [
        { threshold: 0.8, score: 80 },
        { threshold: 0.9, score: 100 },
      ],
    },
  ],
  gates: [{ metricId: 'collection_rate', op: '<', value: 0.6, factor: 0.8, appliesTo: 'result' }],
};

const successScheme: VersionDefinition = {
  items: [
    { metricId: 'renewal_rate', weight: 30, role: 'primary', mode: 'linear' },
    { metricId: 'csat', weight: 20, role: 'primary', mode: 'linear' },
    { metricId: 'collection_rate', weight: 20, role: 'primary', mode: 'linear', cap: 1 },
    { metricId: 'customer_coverage', weight: 15, role: 'auxiliary', mode: 'linear' },
    { metricId: 'entry_timeliness', weight: 15, role: 'auxiliary', mode: 'linear', cap: 1 },
  ],
};

const standards: Record<string, Record<string, number>> = {
  hunter: { new_customers: 2, collection_rate: 0.9, follow_ups: 40, proposal_on_time_rate: 0.9 },
  success: {
    renewal_rate: 0.8,
    csat: 4.5,
    collection_rate: 0.9,
    customer_coverage: 0.8,
    entry_timeliness: 0.95,
    follow_ups: 30,
  },
};

export async function seedDemoPerformance(deps: AppDeps, tenantId: string, today: string) {
  const actor = await systemActor(deps, tenantId);
  const positions = (await listVisibleRecords(deps, actor, kindByName('positions'), { filters: {}, limit: 50 })).items;
  const codeOf = new Map(positions.map((p) => [String(p.id), String(p.code)]));
  const fiscal = { fiscalYearStartMonth: actor.fiscalYearStartMonth };
  const months = periodSeries('month', periodContaining('year', today, fiscal).end, 19, fiscal);
  const firstMonth = months[0]?.start ?? today;

  for (const [code, definition] of [
    ['hunter', hunterScheme],
    ['success', successScheme],
  ] as const) {
    const position = positions.find((p) => p.code === code);
    if (!position) continue;
    const scheme = await createScheme(deps, actor, {
      positionId: String(position.id),
      name: `${String(position.name)}考核方案`,
    });
    const version = await addVersion(deps, actor, scheme.id, { effectiveFrom: firstMonth, ...definition });
    await publishVersion(deps, actor, scheme.id, version.id);
  }

  const reps = (await loadPeople(deps.db, tenantId)).filter((p) =>
    ['hunter', 'success'].includes(codeOf.get(p.positionId ?? '') ?? ''),
  );
  const history = `${firstMonth}..${addDays(periodContaining('month', today, fiscal).start, -1)}`;
  const { values } = await computeValues(deps, actor, {
    metricIds: ['signed_amount'],
    subjects: reps.map((r) => ({ kind: 'person' as const, id: r.id })),
    periodKey: history,
  });
  const pastMonths = months.filter((m) => m.end < periodContaining('month', today, fiscal).start).length || 1;
  const targets: TargetInput[] = [];
  reps.forEach((rep, i) => {
    const code = codeOf.get(rep.positionId ?? '') as string;
    const monthlySigned = Math.max(
      50_000_00,
      Math.round((((values[i]?.value ?? 0) / pastMonths) * 1.1) / 100_000) * 100_000,
    );
    for (const month of months) {
      if (rep.leftOn && rep.leftOn < month.start) continue;
      if (code === 'hunter')
        targets.push({
          metricId: 'signed_amount',
          subject: { kind: 'person', id: rep.id },
          periodKey: month.key,
          value: monthlySigned,
        });
      for (const [metricId, value] of Object.entries(standards[code] ?? {}))
        targets.push({ metricId, subject: { kind: 'person', id: rep.id }, periodKey: month.key, value });
    }
  });
  const [units, memberships] = await Promise.all([
    loadUnits(deps.db, tenantId),
    loadMemberships(deps.db, tenantId, { start: today, end: today }),
  ]);
  const unitOf = new Map(memberships.map((m) => [m.personId, m.unitId]));
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const unitSums = new Map<string, number>();
  for (const t of targets) {
    if (t.metricId !== 'signed_amount' || t.subject.kind !== 'person') continue;
    const path = pathOf.get(unitOf.get(t.subject.id) ?? '');
    if (!path) continue;
    for (const unit of units.filter((u) => path.startsWith(u.path))) {
      const key = `${unit.id}|${t.periodKey}`;
      unitSums.set(key, (unitSums.get(key) ?? 0) + t.value);
    }
  }
  for (const [key, value] of unitSums) {
    const [unitId, periodKey] = key.split('|') as [string, string];
    targets.push({ metricId: 'signed_amount', subject: { kind: 'unit', id: unitId }, periodKey, value });
  }
  await setTargets(
    deps,
    actor,
    targets.map((t) => ({ ...t, reason: '示例公司年度目标' })),
    'manual',
  );
  return { schemes: 2, targets: targets.length };
}
