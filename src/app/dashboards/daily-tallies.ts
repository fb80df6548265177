import { loadPeople } from '../../db/repositories/org.repository.ts';
import type { DayTally } from '../../domain/dashboards/red-line.ts';
import { builtInMetric } from '../../domain/metrics/catalog.ts';
import type { Period } from '../../domain/time/periods.ts';
import type { Actor, AppDeps } from '../context.ts';
import { tallyMetric } from '../metrics/compute-metrics.ts';

// A built-in metric's counted facts per person and date, for the given people (one query): what
// the trend curves and the red-line warnings walk day by day. Custom metrics have no dated facts
// here (undefined): the dashboards show their totals only.

export type DailyByPerson = Map<string, Map<string, DayTally>>;

export async function dailyTallies(
  deps: AppDeps,
  actor: Actor,
  metricId: string,
  period: Period,
  personIds: string[],
): Promise<DailyByPerson | undefined> {
  const def = builtInMetric(metricId);
  if (!def) return undefined;
  // A person's facts need no units or memberships (compute-metrics.ts loads them only for units).
  const org = { units: [], memberships: [], people: () => loadPeople(deps.db, actor.tenantId) };
  const tallies = await tallyMetric(deps, actor, def, period, org as Parameters<typeof tallyMetric>[4], personIds);
  const out: DailyByPerson = new Map();
  for (const t of tallies) {
    const days = out.get(t.personId) ?? new Map<string, DayTally>();
    const day = days.get(t.factOn) ?? { num: 0, den: 0 };
    day.num += t.num;
    day.den += t.den;
    days.set(t.factOn, day);
    out.set(t.personId, days);
  }
  return out;
}
