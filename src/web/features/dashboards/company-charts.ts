import type { CompanyDashboard } from '../../api/dashboards.ts';
import type { Locale } from '../../api/kind-meta.ts';
import { formatMetric } from '../metrics/metric-format.ts';

// ECharts options of the company view: the fiscal year's months against target, the pipeline
// funnel and the ratings distribution. Plain data in, options out (the chart itself loads lazily).

type Labels = { actual: string; target: string; cumulativeActual: string; cumulativeTarget: string };

export function trendOption(data: CompanyDashboard, locale: Locale, labels: Labels) {
  const unit = data.metric.unit;
  const months = data.trend.months;
  const isCumulative = months.some((m) => m.cumulativeActual !== undefined);
  const fmt = (v: number | null) => formatMetric(v, unit, locale, true);
  return {
    animation: false,
    color: ['#1677ff', '#fa8c16', '#13c2c2', '#8c8c8c'],
    grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    xAxis: { type: 'category', data: months.map((m) => m.key) },
    yAxis: { type: 'value', axisLabel: { formatter: fmt } },
    series: [
      { name: labels.actual, type: 'bar', data: months.map((m) => m.actual), barMaxWidth: 28 },
      { name: labels.target, type: 'line', data: months.map((m) => m.target), lineStyle: { type: 'dashed' } },
      ...(isCumulative
        ? [
            { name: labels.cumulativeActual, type: 'line', data: months.map((m) => m.cumulativeActual ?? null) },
            {
              name: labels.cumulativeTarget,
              type: 'line',
              data: months.map((m) => m.cumulativeTarget ?? null),
              lineStyle: { type: 'dotted' },
            },
          ]
        : []),
    ],
  };
}

export function funnelOption(
  data: CompanyDashboard,
  locale: Locale,
  stageLabel: (stage: string) => string,
  countLabel: (n: number) => string,
) {
  const max = Math.max(...data.funnel.map((f) => f.amountCents), 1);
  return {
    animation: false,
    color: ['#003eb3', '#0958d9', '#1677ff', '#4096ff'],
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number; dataIndex: number }) =>
        `${p.name}<br/>${formatMetric(p.value, 'cny', locale)} · ${countLabel(data.funnel[p.dataIndex]?.count ?? 0)}`,
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '5%',
        width: '90%',
        top: 8,
        bottom: 8,
        min: 0,
        max,
        minSize: '12%',
        gap: 2,
        label: {
          show: true,
          position: 'inside',
          color: '#fff',
          fontSize: 13,
          formatter: (p: { name: string; value: number; dataIndex: number }) =>
            `${p.name}  ${formatMetric(p.value, 'cny', locale, true)} (${data.funnel[p.dataIndex]?.count ?? 0})`,
        },
        data: data.funnel.map((f) => ({ name: stageLabel(f.stage), value: f.amountCents })),
      },
    ],
  };
}

export function ratingsOption(data: CompanyDashboard, companyLabel: string, noneLabel: string) {
  const regions = data.units.filter((u) => u.kind === 'region');
  const rows = [
    { name: companyLabel, ratings: data.company.ratings },
    ...regions.map((u) => ({ name: u.name, ratings: u.ratings })),
  ];
  const colors: Record<string, string> = {
    S: '#c41d7f',
    A: '#389e0d',
    B: '#1677ff',
    C: '#fa8c16',
    D: '#cf1322',
    none: '#bfbfbf',
  };
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true },
    series: data.ratingScale.map((rating) => ({
      name: rating === 'none' ? noneLabel : rating,
      type: 'bar',
      stack: 'ratings',
      color: colors[rating] ?? '#8c8c8c',
      label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      data: rows.map((r) => Number(r.ratings[rating] ?? 0)),
    })),
  };
}
