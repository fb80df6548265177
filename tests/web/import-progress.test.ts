import { describe, expect, it } from 'vitest';
import { progressPercent, type ServerProgress } from '../../src/web/features/import/import-progress.ts';

// The import bar: a fifth for the upload, then the server's steps for the job. By hand.

const at = (phase: ServerProgress['phase'], done = 0, total = 0): ServerProgress => ({
  jobId: 'j',
  phase,
  done,
  total,
});

describe('progressPercent', () => {
  it.each([
    ['nothing sent yet', 0, null, 0],
    ['half the bytes sent', 0.5, null, 10],
    ['all bytes sent, the server not started', 1, null, 20],
    ['the server reads the file', 1, at('reading'), 25],
    ['row 0 of 2,000 checked', 1, at('check', 0, 2_000), 25],
    ['row 1,000 of 2,000 checked', 1, at('check', 1_000, 2_000), 53],
    ['every row checked', 1, at('check', 2_000, 2_000), 80],
    ['writing starts', 1, at('write', 0, 1_999), 85],
    ['written, the transaction closing', 1, at('write', 1_999, 1_999), 95],
    ['done', 1, at('done', 2_000, 2_000), 100],
    ['failed', 1, at('failed'), 100],
  ] as const)('%s', (_case, uploaded, server, percent) => expect(progressPercent(uploaded, server)).toBe(percent));
});
