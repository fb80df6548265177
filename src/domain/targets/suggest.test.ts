import { describe, expect, it } from 'vitest';
import { proposeFromHistory, proposeRestOfPeriod, type RestOfPeriodInput } from './suggest.ts';

const rest = (over: Partial<RestOfPeriodInput>): RestOfPeriodInput => ({
  actualToDate: 1000,
  elapsedWorkingDays: 10,
  remainingWorkingDays: 12,
  lastYearElapsed: null,
  lastYearRemaining: null,
  marketFactor: 1,
  ...over,
});

describe('proposeRestOfPeriod', () => {
  it.each([
    // [case, input, basis, run-rate remaining, seasonal remaining, projected, proposal]
    // 1000 over 10 working days = 100 a day; x 12 remaining = 1200.
    ['run rate', {}, 'run_rate', 1200, null, 1200, 2200],
    // 1200 x 1.1 = 1320.
    ['run rate with a market factor', { marketFactor: 1.1 }, 'run_rate', 1200, null, 1320, 2320],
    // 5 x 1 / 2 = 2.5 -> 3.
    [
      'half a unit rounds up',
      { actualToDate: 5, elapsedWorkingDays: 2, remainingWorkingDays: 1 },
      'run_rate',
      3,
      null,
      3,
      8,
    ],
    // 10 x 1.15 = 11.5 exactly -> 12 (the double 1.15 is a little below 1.15).
    [
      'a decimal factor is exact',
      { actualToDate: 10, elapsedWorkingDays: 1, remainingWorkingDays: 1, marketFactor: 1.15 },
      'run_rate',
      10,
      null,
      12,
      22,
    ],
    // Last year: 2000 in the elapsed part, 6000 after it: 3000 x 6000 / 2000 = 9000 (run rate 3300).
    [
      'seasonality',
      { actualToDate: 3000, remainingWorkingDays: 11, lastYearElapsed: 2000, lastYearRemaining: 6000 },
      'seasonality',
      3300,
      9000,
      9000,
      12000,
    ],
    // 9000 x 0.9 = 8100.
    [
      'seasonality with a factor below 1',
      {
        actualToDate: 3000,
        remainingWorkingDays: 11,
        lastYearElapsed: 2000,
        lastYearRemaining: 6000,
        marketFactor: 0.9,
      },
      'seasonality',
      3300,
      9000,
      8100,
      11100,
    ],
    // Nothing last year in the elapsed part: no seasonal basis, the run rate 3300.
    [
      "last year's elapsed part 0: run rate",
      { actualToDate: 3000, remainingWorkingDays: 11, lastYearElapsed: 0, lastYearRemaining: 500 },
      'run_rate',
      3300,
      null,
      3300,
      6300,
    ],
    // 100 x 0.45 / 0.3 = 150.
    [
      "last year's fractional cents",
      {
        actualToDate: 100,
        elapsedWorkingDays: 1,
        remainingWorkingDays: 1,
        lastYearElapsed: 0.3,
        lastYearRemaining: 0.45,
      },
      'seasonality',
      100,
      150,
      150,
      250,
    ],
    // 1234.5 -> 1235; nothing remains.
    [
      'a fractional actual on the last day',
      { actualToDate: 1234.5, elapsedWorkingDays: 5, remainingWorkingDays: 0 },
      'run_rate',
      0,
      null,
      0,
      1235,
    ],
    // Refunds: -500 + -500 stays at 0.
    [
      'a negative actual proposes 0',
      { actualToDate: -500, elapsedWorkingDays: 5, remainingWorkingDays: 5 },
      'run_rate',
      -500,
      null,
      -500,
      0,
    ],
  ] as const)('%s', (_case, over, basis, runRateRemaining, seasonalRemaining, projected, proposal) => {
    const result = proposeRestOfPeriod(rest(over));
    expect(result).toMatchObject({
      ok: true,
      proposal,
      reasoning: { basis, runRateRemaining, seasonalRemaining, projectedRemaining: projected, proposal },
    });
  });

  it('carries every input and the shares into the reasoning', () => {
    const result = proposeRestOfPeriod(
      rest({ actualToDate: 3000, remainingWorkingDays: 11, lastYearElapsed: 2000, lastYearRemaining: 6000 }),
    );
    expect(result.ok && result.reasoning).toEqual({
      method: 'rest_of_period',
      basis: 'seasonality',
      actualToDate: 3000,
      elapsedWorkingDays: 10,
      remainingWorkingDays: 11,
      runRatePerDay: 300,
      runRateRemaining: 3300,
      lastYearElapsed: 2000,
      lastYearRemaining: 6000,
      lastYearRemainingShare: 0.75,
      seasonalRemaining: 9000,
      marketFactor: 1,
      projectedRemaining: 9000,
      proposal: 12000,
    });
  });

  it.each([
    ['nothing elapsed', { elapsedWorkingDays: 0 }, 'nothing_elapsed'],
    ['a factor of 0', { marketFactor: 0 }, 'bad_market_factor'],
    ['a factor above 10', { marketFactor: 11 }, 'bad_market_factor'],
    ['a negative factor', { marketFactor: -1 }, 'bad_market_factor'],
    ['fractional days', { elapsedWorkingDays: 1.5 }, 'bad_days'],
    ['an actual that is not a number', { actualToDate: Number.NaN }, 'bad_actual'],
  ] as const)('refuses %s', (_case, over, code) => {
    expect(proposeRestOfPeriod(rest(over))).toMatchObject({ ok: false, code });
  });
});

const months = (actuals: number[]) => actuals.map((actual, i) => ({ periodKey: `2025-${i + 1}`, actual }));

describe('proposeFromHistory', () => {
  it.each([
    // [case, actuals, percentile, factor, lower rank, upper rank, proposal]
    // 100..1200: rank 0.6 x 11 = 6.6, between the 7th (700) and 8th (800): 700 + 0.6 x 100 = 760.
    ['P60 of 12 months', [300, 100, 200, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200], 60, 1, 7, 8, 760],
    // 760 x 1.1 = 836.
    ['P60 with a market factor', [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200], 60, 1.1, 7, 8, 836],
    // rank 0.5 x 4 = 2 exactly: the 3rd of 100..500 = 300, whatever the input order.
    ['a percentile on a rank', [500, 100, 300, 200, 400], 50, 1, 3, 3, 300],
    ['P0 is the least', [500, 100, 300], 0, 1, 1, 1, 100],
    ['P100 is the most', [500, 100, 300], 100, 1, 3, 3, 500],
    // 1 + 0.5 x 1 = 1.5 -> 2.
    ['half a unit rounds up', [1, 2], 50, 1, 1, 2, 2],
    // rank 0.6 x 3 = 1.8: between two zeros.
    ['mostly empty months', [0, 1, 0, 0], 60, 1, 2, 3, 0],
    ['one period', [700], 60, 1, 1, 1, 700],
    // -100 below 0 stays at 0.
    ['refunds propose 0', [-100, 100], 0, 1, 1, 1, 0],
  ] as const)('%s', (_case, actuals, percentile, marketFactor, lowerRank, upperRank, proposal) => {
    expect(proposeFromHistory({ history: months([...actuals]), percentile, marketFactor })).toMatchObject({
      ok: true,
      proposal,
      reasoning: { method: 'history', percentile, lowerRank, upperRank, proposal },
    });
  });

  it('keeps the history in its own order and the two neighbours of the percentile', () => {
    const result = proposeFromHistory({ history: months([300, 100, 200]), percentile: 75, marketFactor: 1 });
    // rank 0.75 x 2 = 1.5: between 200 and 300 -> 250.
    expect(result.ok && result.reasoning).toEqual({
      method: 'history',
      history: months([300, 100, 200]),
      percentile: 75,
      lowerRank: 2,
      upperRank: 3,
      lower: 200,
      upper: 300,
      percentileValue: 250,
      marketFactor: 1,
      proposal: 250,
    });
  });

  it.each([
    ['no history', [], 60, 'no_history'],
    ['a percentile above 100', [1], 101, 'bad_percentile'],
    ['a fractional percentile', [1], 60.5, 'bad_percentile'],
  ] as const)('refuses %s', (_case, actuals, percentile, code) => {
    expect(proposeFromHistory({ history: months([...actuals]), percentile, marketFactor: 1 })).toMatchObject({
      ok: false,
      code,
    });
  });
});
