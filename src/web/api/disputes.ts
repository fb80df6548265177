import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from './client.ts';
import type { Page, WriteResult } from './records.ts';
import type * as S from './schema.gen.ts';

// Disputes 申诉 and scheme feedback 参与设计: records written through the generic routes, plus the
// director's per-item summary. Keys start with 'scorecards' so a change anywhere in the tenant
// refreshes them live, like the scorecard they are about.

export type Dispute = S.DisputesRecord;
export type DisputeInput = S.DisputesCreateInput;
export type Feedback = S.SchemeFeedbackRecord;
export type FeedbackSummary = S.SchemeFeedbackSummary;

const DISPUTES = ['scorecards', 'disputes'] as const;
const FEEDBACK = ['scorecards', 'feedback'] as const;

export function useDisputes(query: Query, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...DISPUTES, query],
    queryFn: ({ signal }) => api.get<Page<Dispute>>('/disputes', { limit: 200, ...query }, signal),
    enabled: options.enabled ?? true,
  });
}

export function useRaiseDispute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DisputeInput) => api.post<WriteResult<Dispute>>('/disputes', body),
    onSuccess: () => client.invalidateQueries({ queryKey: DISPUTES }),
  });
}

export function useDecideDispute() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, outcome }: { id: string; status: 'accepted' | 'rejected'; outcome: string }) =>
      api.patch<WriteResult<Dispute>>(`/disputes/${id}`, { status, outcome }),
    onSuccess: () => client.invalidateQueries({ queryKey: DISPUTES }),
  });
}

/** The signed-in person's own ratings of a version's items. */
export function useMyFeedback(versionId: string | undefined, personId: string | null | undefined) {
  return useQuery({
    queryKey: [...FEEDBACK, 'mine', versionId, personId],
    queryFn: ({ signal }) =>
      api.get<Page<Feedback>>('/scheme-feedback', { schemeVersionId: versionId, personId, limit: 100 }, signal),
    enabled: !!versionId && !!personId,
  });
}

/** Rates an item (first time) or changes one's rating of it. */
export function useSaveFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: S.SchemeFeedbackCreateInput }) =>
      id
        ? api.patch<WriteResult<Feedback>>(`/scheme-feedback/${id}`, { rating: body.rating, comment: body.comment })
        : api.post<WriteResult<Feedback>>('/scheme-feedback', body),
    onSuccess: () => client.invalidateQueries({ queryKey: FEEDBACK }),
  });
}

export function useFeedbackSummary(schemeId: string, versionId: string) {
  return useQuery({
    queryKey: [...FEEDBACK, 'summary', schemeId, versionId],
    queryFn: ({ signal }) =>
      api.get<FeedbackSummary>(`/schemes/${schemeId}/versions/${versionId}/feedback`, undefined, signal),
  });
}
