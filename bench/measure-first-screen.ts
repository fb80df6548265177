import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newContext } from '../tests/e2e/support/browser.ts';
import { DIST, startServer } from '../tests/e2e/support/server.ts';
import { type Summary, summarize } from './stats.ts';

// Issue 3's quality bar: the first screen after login renders within 1 s with the demo company.
// The real server on a fresh demo company and the built web app in Chromium, as the browser tests
// run them; the clock starts when the login is submitted (the login page has loaded, as it has for
// a person typing a password) and stops when the first screen's table has a row.

export type FirstScreenFigures = Array<{ email: string; path: string; samples: number[]; summary: Summary }>;

export async function measureFirstScreen(
  input: { samples: number },
  log: (line: string) => void,
): Promise<FirstScreenFigures | undefined> {
  if (!existsSync(join(DIST, 'index.html')) || !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    log('    skipped: needs `npm run build` and Chromium (apt-get install -y chromium fonts-noto-cjk)');
    return undefined;
  }
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const figures: FirstScreenFigures = [];
    for (const [email, path] of [
      ['rep@pacer.demo', '/dashboard'],
      ['admin@pacer.demo', '/customers'],
    ] as const) {
      const samples: number[] = [];
      for (let i = 0; i < input.samples + 1; i++) {
        const page = await (await newContext(browser, server.url, 'zh-CN')).newPage();
        await page.goto('/login');
        await page.waitForLoadState('networkidle');
        await page.locator('input#email').fill(email);
        await page.locator('input#password').fill('pacer-demo');
        const started = performance.now();
        await page.locator('button[type=submit]').click();
        await page.locator('.ant-table-row').first().waitFor();
        const ms = performance.now() - started;
        if (new URL(page.url()).pathname !== path) throw new Error(`${email} landed on ${page.url()}, not ${path}`);
        if (i > 0) samples.push(ms); // the first login warms the server's caches and code paths
        await page.context().close();
      }
      const summary = summarize(samples);
      figures.push({ email, path, samples, summary });
      log(
        `    ${email.padEnd(20)} ${path.padEnd(11)} median ${summary.median.toFixed(0)} ms, max ${summary.max.toFixed(0)} ms`,
      );
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}
