import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type * as S from './schema.gen.ts';

// Targets 目标: the grid's values, inline edits (with a reason), decomposition and pace.

export type Target = S.TargetList[number];
export type TargetInput = S.TargetsSetInput['targets'][number];
export type DecomposeInput = S.DecomposeOrgInput;
export type DecomposeResult = S.DecomposeOrgResult;
export type Pace = S.TargetPace;

const KEY = ['targets'] as const;

export function useTargets(metricId: string | undefined, period: string) {
  return useQuery({
    queryKey: [...KEY, 'list', metricId, period],
    queryFn: ({ signal }) => api.get<S.TargetList>('/targets', { metricId, period }, signal),
    enabled: !!metricId,
  });
}

export function useSetTargets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (targets: TargetInput[]) => api.put<S.TargetList>('/targets', { targets }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDecompose() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DecomposeInput) => api.post<DecomposeResult>('/targets/decompose-org', body),
    onSuccess: (_data, body) => (body.apply ? client.invalidateQueries({ queryKey: KEY }) : undefined),
  });
}

/** Pace of each subject shown (only those with a target: the rest has nothing to pace against). */
export function usePaces(metricId: string | undefined, period: string, subjects: readonly string[]) {
  return useQueries({
    queries: subjects.map((subject) => ({
      queryKey: [...KEY, 'pace', metricId, period, subject],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Pace>('/targets/pace', { metricId, period, subject }, signal),
      enabled: !!metricId,
      staleTime: 30_000,
    })),
  });
}
