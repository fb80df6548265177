import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { MetricCatalog, MetricExplanation, MetricValues } from './schema.gen.ts';

export type MetricDef = MetricCatalog[number];
export type MetricValue = MetricValues['values'][number];
export type { MetricExplanation };

export function useMetricCatalog() {
  return useQuery({
    queryKey: ['metrics', 'catalog'],
    queryFn: ({ signal }) => api.get<MetricCatalog>('/metrics', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMetricValues(metricIds: readonly string[], subjects: readonly string[], period: string) {
  return useQuery({
    queryKey: ['metrics', 'values', metricIds, subjects, period],
    queryFn: ({ signal }) =>
      api.get<MetricValues>(
        '/metrics/values',
        { metrics: metricIds.join(','), subjects: subjects.join(','), period },
        signal,
      ),
    enabled: metricIds.length > 0 && subjects.length > 0,
  });
}

export function useMetricExplanation(target: { metricId: string; subject: string; period: string } | null) {
  return useQuery({
    queryKey: ['metrics', 'explain', target],
    queryFn: ({ signal }) =>
      api.get<MetricExplanation>(
        `/metrics/${target?.metricId}/explain`,
        { subject: target?.subject, period: target?.period },
        signal,
      ),
    enabled: !!target,
  });
}
