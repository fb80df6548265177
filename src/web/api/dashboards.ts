import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { CompanyDashboard, PersonDashboard, PersonTrends, TeamDashboard } from './schema.gen.ts';

// Dashboards 看板: each page loads with one or two requests. Keys start with 'dashboards' so the
// live hook refetches them when the tenant changes.

export type { CompanyDashboard, PersonDashboard, PersonTrends, TeamDashboard };

export function usePersonDashboard(personId: string | undefined, period: string) {
  return useQuery({
    queryKey: ['dashboards', 'person', personId, period],
    queryFn: ({ signal }) =>
      api.get<PersonDashboard>(`/dashboards/person/${encodeURIComponent(personId ?? '')}`, { period }, signal),
    enabled: !!personId,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function usePersonTrends(personId: string | undefined, period: string, isEnabled = true) {
  return useQuery({
    queryKey: ['dashboards', 'person-trends', personId, period],
    queryFn: ({ signal }) =>
      api.get<PersonTrends>(`/dashboards/person/${encodeURIComponent(personId ?? '')}/trends`, { period }, signal),
    enabled: !!personId && isEnabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useTeamDashboard(unitId: string | undefined, period: string) {
  return useQuery({
    queryKey: ['dashboards', 'team', unitId, period],
    queryFn: ({ signal }) =>
      api.get<TeamDashboard>(`/dashboards/team/${encodeURIComponent(unitId ?? '')}`, { period }, signal),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useCompanyDashboard(period: string, metric: string) {
  return useQuery({
    queryKey: ['dashboards', 'company', period, metric],
    queryFn: ({ signal }) => api.get<CompanyDashboard>('/dashboards/company', { period, metric }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
