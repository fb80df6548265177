import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type * as S from './schema.gen.ts';

// Schemes 考核方案 (versions, drafts, publish, trial run), scorecards and period close 结算.

export type Scheme = S.SchemeList[number];
export type SchemeVersion = S.SchemeVersion;
export type SchemeVersionInput = S.SchemeVersionInput;
export type SchemeItem = SchemeVersionInput['items'][number];
export type Scorecard = S.Scorecard;
export type ScorecardItem = Scorecard['items'][number];
export type TrialRun = S.TrialRun;
export type PeriodStatus = S.PeriodStatus;

const SCHEMES = ['schemes'] as const;

export function useSchemes() {
  return useQuery({
    queryKey: SCHEMES,
    queryFn: ({ signal }) => api.get<S.SchemeList>('/schemes', undefined, signal),
  });
}

export function useCreateScheme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { positionId: string; name: string }) => api.post<Scheme>('/schemes', body),
    onSuccess: () => client.invalidateQueries({ queryKey: SCHEMES }),
  });
}

/** Adds a draft (no versionId) or edits one. */
export function useSaveDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ schemeId, versionId, body }: { schemeId: string; versionId?: string; body: SchemeVersionInput }) =>
      versionId
        ? api.put<SchemeVersion>(`/schemes/${schemeId}/versions/${versionId}`, body)
        : api.post<SchemeVersion>(`/schemes/${schemeId}/versions`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: SCHEMES }),
  });
}

export function usePublishVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ schemeId, versionId }: { schemeId: string; versionId: string }) =>
      api.post<SchemeVersion>(`/schemes/${schemeId}/versions/${versionId}/publish`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: SCHEMES });
      await client.invalidateQueries({ queryKey: ['scorecards'] });
    },
  });
}

export function useTrialRun() {
  return useMutation({
    mutationFn: ({ schemeId, versionId, period }: { schemeId: string; versionId: string; period: string }) =>
      api.post<TrialRun>(`/schemes/${schemeId}/versions/${versionId}/trial`, { period }),
  });
}

export function useScorecard(personId: string | undefined, period: string) {
  return useQuery({
    queryKey: ['scorecards', personId, period],
    queryFn: ({ signal }) => api.get<Scorecard>('/scorecards', { personId, period }, signal),
    enabled: !!personId,
    retry: false,
  });
}

export function usePeriodStatus(key: string) {
  return useQuery({
    queryKey: ['periods', key],
    queryFn: ({ signal }) => api.get<PeriodStatus>(`/periods/${encodeURIComponent(key)}`, undefined, signal),
  });
}

export type PeriodAction = 'close' | 'reopen' | 'recalculate';

export function usePeriodAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, action, reason }: { key: string; action: PeriodAction; reason?: string }) =>
      api.post<PeriodStatus>(`/periods/${encodeURIComponent(key)}/${action}`, reason ? { reason } : {}),
    onSuccess: async (status) => {
      client.setQueryData(['periods', status.periodKey], status);
      await client.invalidateQueries({ queryKey: ['scorecards'] });
    },
  });
}
