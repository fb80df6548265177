import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Leaderboard, LeaderboardArchiveWeeks } from './schema.gen.ts';

// Leaderboards 排行榜 and their weekly archive. Keys start with 'leaderboards' so the live hook
// refetches them when the tenant's data changes.

export type { Leaderboard, LeaderboardArchiveWeeks };
export type LeaderboardRow = Leaderboard['rows'][number];
export type BoardQuery = { metric: string; scope: string; period: string; by: 'person' | 'unit' };

export function useLeaderboard(query: BoardQuery) {
  return useQuery({
    queryKey: ['leaderboards', 'board', query],
    queryFn: ({ signal }) => api.get<Leaderboard>('/leaderboards', query, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useArchivedWeeks() {
  return useQuery({
    queryKey: ['leaderboards', 'archive'],
    queryFn: ({ signal }) => api.get<LeaderboardArchiveWeeks>('/leaderboards/archive', undefined, signal),
  });
}

export function useArchivedBoard(weekKey: string | undefined, metric: string) {
  return useQuery({
    queryKey: ['leaderboards', 'archive', weekKey, metric],
    queryFn: ({ signal }) =>
      api.get<Leaderboard>(`/leaderboards/archive/${encodeURIComponent(weekKey ?? '')}`, { metric }, signal),
    enabled: !!weekKey,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
