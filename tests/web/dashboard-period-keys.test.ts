import { describe, expect, it } from 'vitest';
import { kindOfKey, periodKeyFor, periodStartOf } from '../../src/web/features/dashboards/period-keys.ts';

describe('dashboard period keys', () => {
  it.each([
    // [kind, date, fiscal start, key]
    ['week', '2026-11-20', 1, '2026-W47'],
    ['week', '2027-01-01', 1, '2026-W53'], // a Friday: the week of 2026's last Thursday
    ['week', '2024-12-30', 1, '2025-W01'], // a Monday whose Thursday is in 2025
    ['month', '2026-11-20', 1, '2026-11'],
    ['quarter', '2026-11-20', 1, '2026-Q4'],
    ['quarter', '2026-11-20', 4, 'FY2026-Q3'],
    ['quarter', '2027-02-01', 4, 'FY2026-Q4'],
    ['year', '2026-11-20', 1, '2026'],
    ['year', '2027-03-31', 4, 'FY2026'],
    ['custom', '2026-11-20', 1, '2026-11-20..2026-11-20'],
  ] as const)('%s of %s (fiscal start %i) is %s', (kind, date, fiscalStart, key) => {
    expect(periodKeyFor(kind, date, fiscalStart)).toBe(key);
    expect(kindOfKey(key)).toBe(kind);
  });

  it.each([
    ['2026-W47', 1, '2026-11-16'],
    ['2026-W53', 1, '2026-12-28'],
    ['2025-W01', 1, '2024-12-30'],
    ['2026-11', 1, '2026-11-01'],
    ['2026-Q4', 4, '2026-10-01'],
    ['FY2026-Q3', 4, '2026-10-01'],
    ['FY2026-Q4', 4, '2027-01-01'],
    ['FY2026', 4, '2026-04-01'],
    ['2026', 4, '2026-01-01'],
    ['2026-03-05..2026-04-20', 1, '2026-03-05'],
  ] as const)('%s starts on %s', (key, fiscalStart, start) => {
    expect(periodStartOf(key, fiscalStart)).toBe(start);
  });
});
