import type { LeaderboardSetting } from './leaderboards/visibility.ts';

// Tenant-configurable rules with their defaults from the spec (sections 3 and 4).
export type TenantSettings = {
  gradeWeights: { A: number; B: number; C: number };
  minNotesLength: number;
  effectiveVisitMinutes: number;
  pace: { green: number; yellow: number };
  /** Who sees which leaderboard rows (数据公开, or the top N and one's own rank). */
  leaderboard: LeaderboardSetting;
};

export const defaultTenantSettings: TenantSettings = {
  gradeWeights: { A: 1.2, B: 1.0, C: 0.6 },
  minNotesLength: 5,
  effectiveVisitMinutes: 15,
  pace: { green: 1, yellow: 0.85 },
  leaderboard: { mode: 'public', topN: 10, hideNamesFor: [] },
};
