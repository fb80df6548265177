import { describe, expect, it } from 'vitest';
import { lastWholeWeekKey } from './weeks.ts';

describe('lastWholeWeekKey', () => {
  it.each([
    // [case, today, last whole week]
    ['on a Monday: the week that just ended', '2025-03-17', '2025-W11'],
    ['on a Sunday: the week before this one', '2025-03-16', '2025-W10'],
    ['mid-week', '2025-03-20', '2025-W11'],
    ['early January: the last week of the ISO year before', '2025-01-06', '2025-W01'],
    ['a Monday in January after a 53-week year', '2021-01-04', '2020-W53'],
    ['1 January 2025 (in 2025-W01): the last week of 2024', '2025-01-01', '2024-W52'],
  ])('%s', (_case, today, expected) => {
    expect(lastWholeWeekKey(today)).toBe(expected);
  });
});
