import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { CustomSource } from '../../src/web/api/custom-metrics.ts';
import type { SchemeVersion } from '../../src/web/api/scoring.ts';
import { fromMetric, toInput } from '../../src/web/features/custom-metrics/custom-metric-form.ts';
import { fromInputValue, toInputValue } from '../../src/web/features/metrics/metric-input.ts';
import { toBody, toForm, weightTotal } from '../../src/web/features/schemes/version-form.ts';
import { kindOf, periodKeyOf, periodStart } from '../../src/web/features/scorecards/period-key.ts';
import { buildTargetTree, visibleRows } from '../../src/web/features/targets/target-tree.ts';
import { toNamePath } from '../../src/web/ui/field-path.ts';

const label = (s: string) => ({ 'zh-CN': s, en: s });
const contracts: CustomSource = {
  name: 'contracts',
  label: label('Contracts'),
  fields: [
    { name: 'amountCents', type: 'money', label: label('Amount') },
    { name: 'status', type: 'enum', label: label('Status'), values: ['active', 'completed', 'cancelled'] },
  ],
  dateFields: [{ name: 'signedOn', label: label('Signed on') }],
  credits: ['owner', 'split'],
};

describe('server field paths as form names', () => {
  it.each([
    ['items[1].cap', ['items', 1, 'cap']],
    ['items[2].steps[1].threshold', ['items', 2, 'steps', 1, 'threshold']],
    ['definition.filters[0].field', ['definition', 'filters', 0, 'field']],
    ['name.zh-CN', ['name', 'zh-CN']],
    ['items', ['items']],
  ])('%s', (path, name) => expect(toNamePath(path)).toEqual(name));
});

describe('metric values as typed', () => {
  it.each([
    [12_345_67, 'cny', 12_345.67],
    [0.9, 'ratio', 90],
    [0.07, 'ratio', 7],
    [40, 'count', 40],
  ])('%s %s shows as %s and goes back', (stored, unit, shown) => {
    expect(toInputValue(stored, unit)).toBe(shown);
    expect(fromInputValue(shown, unit)).toBe(stored);
  });
});

describe('custom metric form', () => {
  it('turns yuan filters into cents, a comma list into values, and leaves out the field of a count', () => {
    const input = toInput(
      {
        key: ' big ',
        name: { 'zh-CN': '大单', en: 'Big' },
        category: 'result',
        unit: 'count',
        direction: 'higher',
        definition: {
          kind: 'aggregate',
          source: 'contracts',
          aggregate: 'count',
          field: 'amountCents',
          dateField: 'signedOn',
          credit: 'split',
          filters: [
            { field: 'amountCents', op: '>=', value: '1000.5' },
            { field: 'status', op: 'in', value: ['active', 'completed'] },
            { field: 'amountCents', op: 'in', value: '100, 200' },
          ],
        },
      },
      [contracts],
    );
    expect(input).toEqual({
      key: 'big',
      name: { 'zh-CN': '大单', en: 'Big' },
      category: 'result',
      unit: 'count',
      direction: 'higher',
      definition: {
        kind: 'aggregate',
        source: 'contracts',
        aggregate: 'count',
        dateField: 'signedOn',
        credit: 'split',
        filters: [
          { field: 'amountCents', op: '>=', value: 100_050 },
          { field: 'status', op: 'in', value: ['active', 'completed'] },
          { field: 'amountCents', op: 'in', value: [10_000, 20_000] },
        ],
      },
    });
  });

  it('shows a saved money filter in yuan again', () => {
    const form = fromMetric(
      {
        id: '1',
        key: 'big',
        name: label('Big'),
        category: 'result',
        unit: 'count',
        direction: 'higher',
        definition: {
          kind: 'aggregate',
          source: 'contracts',
          aggregate: 'sum',
          field: 'amountCents',
          dateField: 'signedOn',
          credit: 'owner',
          filters: [{ field: 'amountCents', op: '>', value: 500_000 }],
        },
      },
      [contracts],
    );
    expect(form.definition.filters).toEqual([{ field: 'amountCents', op: '>', value: 5000 }]);
  });
});

describe('scheme draft form', () => {
  const version: SchemeVersion = {
    id: 'v2',
    version: 2,
    status: 'draft',
    publishedAt: null,
    effectiveFrom: '2026-12-01',
    items: [
      { metricId: 'signed_amount', weight: 60, role: 'primary', mode: 'linear', cap: 1.2, floor: 0.5 },
      {
        metricId: 'proposal_on_time_rate',
        weight: 40,
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
  const unitOf = (id: string) => (id === 'signed_amount' ? 'cny' : 'ratio');

  it('shows ratios as percentages, adds the default bands, and gives back the same body', () => {
    const form = toForm(version, unitOf);
    expect(form.items[0]).toMatchObject({ floor: 50, cap: 120 });
    expect(form.items[1]?.steps).toEqual([
      { threshold: 80, score: 80 },
      { threshold: 90, score: 100 },
    ]);
    expect(form.gates[0]?.value).toBe(60);
    expect(form.ratingBands.map((b) => b.rating)).toEqual(['S', 'A', 'B', 'C', 'D']);
    const body = toBody({ ...form, effectiveFrom: dayjs('2026-12-01') }, unitOf);
    expect(body.items).toEqual(version.items);
    expect(body.gates).toEqual(version.gates);
    expect(body.effectiveFrom).toBe('2026-12-01');
  });

  it('sums the weights typed so far, blanks as 0', () => {
    expect(
      weightTotal([
        { role: 'primary', mode: 'linear', weight: 60 },
        { role: 'primary', mode: 'linear' },
      ]),
    ).toBe(60);
    expect(weightTotal(undefined)).toBe(0);
  });
});

describe('period keys', () => {
  it.each([
    ['2026-11-20', 'month', '2026-11'],
    ['2026-11-20', 'quarter', '2026-Q4'],
    ['2026-01-01', 'quarter', '2026-Q1'],
    ['2026-11-20', 'year', '2026'],
  ] as const)('%s as a %s is %s', (day, kind, key) => {
    expect(periodKeyOf(dayjs(day), kind)).toBe(key);
    expect(kindOf(key)).toBe(kind);
  });

  it('starts a quarter on its first month', () => {
    expect(periodStart('2026-Q3').format('YYYY-MM-DD')).toBe('2026-07-01');
  });
});

describe('targets tree', () => {
  const unit = (id: string, parentId: string | null, name: string) =>
    ({ id, parentId, name, kind: parentId ? 'team' : 'company', sortOrder: 0 }) as never;
  const person = (id: string, unitId: string, leftOn: string | null = null) =>
    ({ id, unitId, name: id, leftOn }) as never;

  it("puts a team's current people under it, not under a unit with child units", () => {
    const tree = buildTargetTree(
      [unit('root', null, 'Co'), unit('t1', 'root', 'Team 1')],
      [person('a', 't1'), person('b', 't1', '2026-01-01'), person('boss', 'root')],
    );
    expect(tree.map((r) => r.key)).toEqual(['unit:root']);
    expect(tree[0]?.children?.map((r) => r.key)).toEqual(['unit:t1']);
    expect(tree[0]?.children?.[0]?.children?.map((r) => r.key)).toEqual(['person:a']);
    expect(visibleRows(tree, new Set(['unit:root'])).map((r) => r.key)).toEqual(['unit:root', 'unit:t1']);
  });
});
