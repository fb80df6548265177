import { existsSync, readFileSync } from 'node:fs';

// Small statistics and formatting helpers for the bench's tables.

export type Summary = { n: number; median: number; p99: number; max: number };

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { n: sorted.length, median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

/** Up to `times` samples, fewer once they add up to `budgetMs` (a slow query is timed once). */
export async function repeat(times: number, run: () => Promise<unknown>, budgetMs = 15_000): Promise<number[]> {
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < times && (i === 0 || spent < budgetMs); i++) {
    const { ms } = await timed(run);
    samples.push(ms);
    spent += ms;
  }
  return samples;
}

export const ms = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** A plain-text table whose columns are padded to their widest cell (also valid Markdown). */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Peak resident set size of this process so far (Linux VmHWM), else the current RSS. */
export function peakRssBytes(): number {
  if (!existsSync('/proc/self/status')) return process.memoryUsage().rss;
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : process.memoryUsage().rss;
}
