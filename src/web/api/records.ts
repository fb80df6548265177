import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from './client.ts';
import type * as S from './schema.gen.ts';

// Typed access to the generic record routes: /api/v1/<path> list (cursor pages), read, create,
// update, delete. The record types come from the server's OpenAPI document (schema.gen.ts).

export type RecordTypes = {
  customers: [S.CustomersRecord, S.CustomersCreateInput, S.CustomersUpdateInput];
  contacts: [S.ContactsRecord, S.ContactsCreateInput, S.ContactsUpdateInput];
  deals: [S.DealsRecord, S.DealsCreateInput, S.DealsUpdateInput];
  contracts: [S.ContractsRecord, S.ContractsCreateInput, S.ContractsUpdateInput];
  installments: [S.InstallmentsRecord, S.InstallmentsCreateInput, S.InstallmentsUpdateInput];
  payments: [S.PaymentsRecord, S.PaymentsCreateInput, S.PaymentsUpdateInput];
  activities: [S.ActivitiesRecord, S.ActivitiesCreateInput, S.ActivitiesUpdateInput];
  proposals: [S.ProposalsRecord, S.ProposalsCreateInput, S.ProposalsUpdateInput];
  'knowledge-posts': [S.KnowledgePostsRecord, S.KnowledgePostsCreateInput, S.KnowledgePostsUpdateInput];
  'knowledge-votes': [S.KnowledgeVotesRecord, S.KnowledgeVotesCreateInput, S.KnowledgeVotesUpdateInput];
  people: [S.PeopleRecord, S.PeopleCreateInput, S.PeopleUpdateInput];
  positions: [S.PositionsRecord, S.PositionsCreateInput, S.PositionsUpdateInput];
  'org-units': [S.OrgUnitsRecord, S.OrgUnitsCreateInput, S.OrgUnitsUpdateInput];
  memberships: [S.MembershipsRecord, S.MembershipsCreateInput, S.MembershipsUpdateInput];
  'calendar-days': [S.CalendarDaysRecord, S.CalendarDaysCreateInput, S.CalendarDaysUpdateInput];
  disputes: [S.DisputesRecord, S.DisputesCreateInput, S.DisputesUpdateInput];
  'scheme-feedback': [S.SchemeFeedbackRecord, S.SchemeFeedbackCreateInput, S.SchemeFeedbackUpdateInput];
};
export type KindPath = keyof RecordTypes;
export type RecordOf<P extends KindPath> = RecordTypes[P][0];
export type CreateOf<P extends KindPath> = RecordTypes[P][1];
export type UpdateOf<P extends KindPath> = RecordTypes[P][2];

export type Page<T> = { items: T[]; nextCursor: string | null };
export type WriteResult<T> = { record: T; warnings: S.ReportIssue[] };

/** One page of a list; the previous page stays on screen while the next loads. */
export function useRecordPage<P extends KindPath>(path: P, query: Query, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [path, 'list', query],
    queryFn: ({ signal }) => api.get<Page<RecordOf<P>>>(`/${path}`, query, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useRecord<P extends KindPath>(path: P, id: string | undefined) {
  return useQuery({
    queryKey: [path, 'one', id],
    queryFn: ({ signal }) => api.get<RecordOf<P>>(`/${path}/${id}`, undefined, signal),
    enabled: !!id,
    retry: (count, error) => count < 2 && !('status' in error && (error.status === 404 || error.status === 403)),
  });
}

/** Creates (no id) or updates (id) one record, then refreshes every list of that kind. */
export function useSaveRecord<P extends KindPath>(path: P) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, values }: { id?: string; values: CreateOf<P> | UpdateOf<P> }) =>
      id
        ? api.patch<WriteResult<RecordOf<P>>>(`/${path}/${id}`, values)
        : api.post<WriteResult<RecordOf<P>>>(`/${path}`, values),
    onSuccess: () => client.invalidateQueries({ queryKey: [path] }),
  });
}

export function useDeleteRecord(path: KindPath) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/${path}/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: [path] }),
  });
}
