import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type * as S from './schema.gen.ts';

// Custom metrics 自定义指标: what a definition can read, the saved ones, a preview on live data.

export type CustomMetric = S.CustomMetricList[number];
export type CustomMetricInput = S.CustomMetricInput;
export type CustomDefinition = CustomMetricInput['definition'];
export type CustomSource = S.CustomMetricSources[number];

const KEY = ['custom-metrics'] as const;

export function useCustomSources() {
  return useQuery({
    queryKey: [...KEY, 'sources'],
    queryFn: ({ signal }) => api.get<S.CustomMetricSources>('/custom-metrics/sources', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCustomMetrics() {
  return useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: ({ signal }) => api.get<S.CustomMetricList>('/custom-metrics', undefined, signal),
  });
}

/** Saves (creates or edits) a definition; the catalog every screen reads is refreshed with it. */
export function useSaveCustomMetric() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, values }: { id?: string; values: CustomMetricInput }) => {
      if (!id) return api.post<CustomMetric>('/custom-metrics', values);
      const { key: _key, ...rest } = values;
      return api.patch<CustomMetric>(`/custom-metrics/${id}`, rest);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: KEY });
      await client.invalidateQueries({ queryKey: ['metrics'] });
    },
  });
}

export function useDeleteCustomMetric() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/custom-metrics/${id}`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: KEY });
      await client.invalidateQueries({ queryKey: ['metrics'] });
    },
  });
}

export function usePreviewCustomMetric() {
  return useMutation({
    mutationFn: (body: S.CustomMetricPreviewInput) => api.post<S.MetricValues>('/custom-metrics/preview', body),
  });
}
