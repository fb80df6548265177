import type { DuckDBConnection } from '@duckdb/node-api';
import type { Actor, AppDeps } from '../src/app/context.ts';
import { computeValues, factParams, resolvePeriod, type Subject } from '../src/app/metrics/compute-metrics.ts';
import { tallyFacts } from '../src/db/repositories/metric-facts.repository.ts';
import { loadPeople, loadUnits } from '../src/db/repositories/org.repository.ts';
import { builtInMetrics } from '../src/domain/metrics/catalog.ts';
import { type DuckTotals, runDuckMetric } from './duckdb-metrics.ts';
import { repeat, type Summary, summarize, timed } from './stats.ts';

// (a) every built-in metric for every person, every unit and the tenant for one month, through
// computeValues; each metric alone too, with the time of its SQL (tallyFacts) apart from the
// crediting in JavaScript. (b) the same aggregates in DuckDB, and whether both agree.

export type MetricFigures = {
  metricId: string;
  pacer: Summary;
  sql: Summary;
  factRows: number;
  duck: Summary;
  /** Tenant and root-unit numerator and denominator agree between the engines (1e-6 relative). */
  isAgreeing: boolean;
  disagreement?: string;
};

export type EngineFigures = {
  month: string;
  subjects: { people: number; units: number };
  /** Metrics left out of this run (too slow to run at this scale; see the doc). */
  excluded: string[];
  pacerTotal: Summary;
  duckTotal: Summary;
  metrics: MetricFigures[];
};

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

export async function measureEngine(
  deps: AppDeps,
  actor: Actor,
  duck: DuckDBConnection,
  input: { month: string; rootUnitId: string; repeats: number; exclude: string[] },
  log: (line: string) => void,
): Promise<EngineFigures> {
  const [people, units] = await Promise.all([loadPeople(deps.db, actor.tenantId), loadUnits(deps.db, actor.tenantId)]);
  const subjects: Subject[] = [
    ...people.map((p) => ({ kind: 'person' as const, id: p.id })),
    ...units.map((u) => ({ kind: 'unit' as const, id: u.id })),
    { kind: 'tenant' },
  ];
  const metricIds = builtInMetrics.map((m) => m.id).filter((id) => !input.exclude.includes(id));
  const period = resolvePeriod(actor, input.month);
  const params = factParams(actor, period);
  const all = () => computeValues(deps, actor, { metricIds, subjects, periodKey: input.month });

  log(`  ${metricIds.length} metrics x ${subjects.length} subjects; each first run is a warm-up, not counted`);

  const metrics: MetricFigures[] = [];
  for (const metricId of metricIds) {
    let values: Awaited<ReturnType<typeof computeValues>>['values'] = [];
    const one = async () => {
      values = (await computeValues(deps, actor, { metricIds: [metricId], subjects, periodKey: input.month })).values;
    };
    const warm = await timed(one);
    // A metric that takes more than the budget once is not run again (the warm-up is its sample).
    const isSlow = warm.ms > 15_000;
    const pacer = summarize(isSlow ? [warm.ms] : await repeat(input.repeats, one));
    let factRows = 0;
    const sql = summarize(
      await repeat(isSlow ? 1 : input.repeats, async () => {
        factRows = (await tallyFacts(deps.db, deps.dialect, metricId, params)).length;
      }),
    );
    let totals = await runDuckMetric(duck, metricId, params, input.rootUnitId);
    const duckRuns = await repeat(input.repeats, async () => {
      totals = await runDuckMetric(duck, metricId, params, input.rootUnitId);
    });
    const pairs = comparePairs(metricId, values, totals, input.rootUnitId);
    const wrong = pairs.find(([, a, b]) => !close(a, b));
    metrics.push({
      metricId,
      pacer,
      sql,
      factRows,
      duck: summarize(duckRuns),
      isAgreeing: !wrong,
      ...(wrong ? { disagreement: `${wrong[0]}: Pacer ${wrong[1]}, DuckDB ${wrong[2]}` } : {}),
    });
    log(
      `    ${metricId.padEnd(24)} Pacer ${pacer.median.toFixed(0).padStart(6)} ms (n ${pacer.n}) (SQL ${sql.median.toFixed(0)} ms)  DuckDB ${summarize(duckRuns).median.toFixed(0).padStart(5)} ms${wrong ? `  DISAGREE ${wrong[0]}` : ''}`,
    );
  }

  log('  all metrics in one computeValues');
  const pacerTotal = summarize(await repeat(input.repeats, all));
  const duckTotal = summarize(
    await repeat(input.repeats, async () => {
      for (const id of metricIds) await runDuckMetric(duck, id, params, input.rootUnitId);
    }),
  );
  return {
    month: input.month,
    subjects: { people: people.length, units: units.length },
    excluded: input.exclude,
    pacerTotal,
    duckTotal,
    metrics,
  };
}

/** What to compare: tenant and root unit; for person-only metrics (N/A for units) the sum over people. */
function comparePairs(
  metricId: string,
  values: Awaited<ReturnType<typeof computeValues>>['values'],
  duck: DuckTotals,
  rootUnitId: string,
): Array<[string, number, number]> {
  const def = builtInMetrics.find((m) => m.id === metricId);
  const isSum = def?.aggregation === 'sum';
  if (def?.isPersonOnly) {
    const people = values.filter((v) => v.subject.kind === 'person');
    return [
      ['people num', people.reduce((t, v) => t + v.numerator, 0), duck.tenant.num],
      ['people den', people.reduce((t, v) => t + (v.denominator ?? 0), 0), duck.tenant.den],
    ];
  }
  const tenant = values.find((v) => v.subject.kind === 'tenant');
  const root = values.find((v) => v.subject.kind === 'unit' && v.subject.id === rootUnitId);
  return [
    ['tenant num', tenant?.numerator ?? 0, duck.tenant.num],
    ['root num', root?.numerator ?? 0, duck.root.num],
    ...(isSum
      ? []
      : ([
          ['tenant den', tenant?.denominator ?? 0, duck.tenant.den],
          ['root den', root?.denominator ?? 0, duck.root.den],
        ] as Array<[string, number, number]>)),
  ];
}
