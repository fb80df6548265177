// Tenant-configurable rules with their defaults from the spec (sections 3 and 4).
export type TenantSettings = {
  gradeWeights: { A: number; B: number; C: number };
  minNotesLength: number;
  effectiveVisitMinutes: number;
  pace: { green: number; yellow: number };
};

export const defaultTenantSettings: TenantSettings = {
  gradeWeights: { A: 1.2, B: 1.0, C: 0.6 },
  minNotesLength: 5,
  effectiveVisitMinutes: 15,
  pace: { green: 1, yellow: 0.85 },
};
