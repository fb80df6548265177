import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile } from './client.ts';
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

// Suggestions 智能目标调整: generate for a unit's people, then approve or reject each.

export type Suggestion = S.TargetSuggestionList[number];
export type SuggestionsInput = S.TargetSuggestionsInput;
export type GridImport = S.TargetGridImport;

export function useSuggestions(metricId: string | undefined, period: string, status?: string) {
  return useQuery({
    queryKey: [...KEY, 'suggestions', metricId, period, status],
    queryFn: ({ signal }) =>
      api.get<S.TargetSuggestionList>('/targets/suggestions', { metricId, period, status }, signal),
    enabled: !!metricId,
  });
}

export function useGenerateSuggestions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SuggestionsInput) => api.post<S.TargetSuggestionsGenerated>('/targets/suggestions', body),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'suggestions'] }),
  });
}

export function useDecideSuggestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      api.post<S.TargetSuggestionDecided>(`/targets/suggestions/${id}/${decision}`, reason ? { reason } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** The targets grid of a year as an .xlsx file (units and people down, months and the year across). */
export function exportTargetGrid(metricId: string, year: string) {
  return downloadFile('/targets/export', { metricId, year }, `targets-${metricId}-${year}.xlsx`);
}

/** Uploads a grid: a dry run reports every bad cell; a commit writes all or nothing. */
export function useImportGrid() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, metricId, year, dryRun }: { file: File; metricId: string; year: string; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<GridImport>('/targets/import', form, { metricId, year, dryRun });
    },
    onSuccess: (report) => (report.isCommitted ? client.invalidateQueries({ queryKey: KEY }) : undefined),
  });
}

export type DecomposeTimeResult = S.DecomposeTimeResult;

/** A year's target into its months by last year's seasonality; locked months keep their value. */
export function useDecomposeTime() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: S.DecomposeTimeInput) => api.post<DecomposeTimeResult>('/targets/decompose-time', body),
    onSuccess: (_data, body) => (body.apply ? client.invalidateQueries({ queryKey: KEY }) : undefined),
  });
}
