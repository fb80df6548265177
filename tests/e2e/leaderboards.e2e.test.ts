import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { e2eSuite } from './support/e2e.ts';

// Leaderboards 排行榜 with a visibility limit: the admin sets 'top' with N = 3 through the API;
// the rep then sees the top three and their own row, the admin the whole board.

type Row = { rank: number | null; name: string | null; isOwn: boolean };
type Board = { rows: Row[]; totalRows: number };

const BOARD = '/leaderboards?metric=signed_amount&scope=company&period=2026-10&by=person';

const e2e = e2eSuite();

/** An API session that may also write (the CSRF token travels with the cookie). */
async function apiAs(email: string) {
  const login = await e2e.server.api.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: 'pacer-demo' },
  });
  const headers = {
    cookie: String(login.headers['set-cookie']).split(';')[0] as string,
    'x-csrf-token': login.json().csrfToken as string,
  };
  return {
    call: async (method: 'GET' | 'PATCH' | 'POST', url: string, payload?: object) => {
      const res = await e2e.server.api.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    },
  };
}

const { pageFor } = e2e;

const shownRows = async (page: Page) => {
  await page.getByTestId('board-table').locator('.ant-table-row').first().waitFor();
  return page.getByTestId('board-table').locator('.ant-table-row').allInnerTexts();
};

describe('leaderboards', () => {
  it("shows a rep the top 3 and their own rank in 'top' mode, and the admin every row", async () => {
    const admin = await apiAs('admin@pacer.demo');
    await admin.call('PATCH', '/api/v1/tenant', { settings: { leaderboard: { mode: 'top', topN: 3 } } });
    const full = (await admin.call('GET', `/api/v1${BOARD}`)) as Board;
    const rep = await apiAs('rep@pacer.demo');
    const mine = (await rep.call('GET', `/api/v1${BOARD}`)) as Board;
    const own = mine.rows.find((r) => r.isOwn) as Row;
    // The demo rep 袁娜 is not among the top three in October 2026, and nobody ties at rank 3.
    expect(own.rank).toBeGreaterThan(3);
    expect(full.rows.filter((r) => r.rank !== null && r.rank <= 3)).toHaveLength(3);
    expect(full.rows).toHaveLength(full.totalRows);

    const page = await pageFor('rep@pacer.demo', 'zh-CN');
    await page.getByTestId('side-menu').getByText('排行榜').click();
    await page.goto(BOARD);
    const rows = await shownRows(page);
    expect(rows).toHaveLength(4);
    expect(rows.slice(0, 3).map((r) => r.split('\t')[0]?.trim())).toEqual(['1', '2', '3']);
    const ownRow = page.getByTestId('board-own-row');
    await expect(ownRow.count()).resolves.toBe(1);
    const ownText = await ownRow.innerText();
    expect(ownText).toContain(String(own.rank));
    expect(ownText).toContain('袁娜');
    await page.getByTestId('board-top-only').waitFor();
    await screenshot(page, 'zh-CN-leaderboards-rep-top3');
    await page.context().close();

    const adminPage = await pageFor('admin@pacer.demo', 'zh-CN');
    await adminPage.goto(BOARD);
    expect(await shownRows(adminPage)).toHaveLength(full.totalRows);
    await expect(adminPage.getByTestId('board-top-only').count()).resolves.toBe(0);
    await screenshot(adminPage, 'zh-CN-leaderboards-admin');
    // The records behind a value open in the explain drawer.
    await adminPage.getByTestId('board-value').first().click();
    await adminPage.locator('.ant-drawer').getByText('签约金额').first().waitFor();
    await screenshot(adminPage, 'zh-CN-leaderboards-explain');
    await adminPage.context().close();
  });

  it('browses an archived week and the score board, in English too', async () => {
    const admin = await apiAs('admin@pacer.demo');
    await admin.call('POST', '/api/v1/leaderboards/archive', { week: '2026-W46' });
    await admin.call('PATCH', '/api/v1/tenant', { settings: { leaderboard: { mode: 'public', topN: 10 } } });

    const page = await pageFor('manager@pacer.demo', 'en-US');
    await page.goto('/leaderboards?metric=score&scope=company&period=2026-10');
    expect((await shownRows(page)).length).toBeGreaterThan(3);
    await page.getByRole('columnheader', { name: 'Rating' }).waitFor();
    await screenshot(page, 'en-leaderboards-score');
    await page.goto('/leaderboards?tab=archive&archiveMetric=follow_ups');
    await page.getByTestId('archive-week').getByText('2026-W46', { exact: false }).waitFor();
    expect((await shownRows(page)).length).toBeGreaterThan(3);
    await screenshot(page, 'en-leaderboards-archive');
    await page.context().close();

    const zh = await pageFor('rep@pacer.demo', 'zh-CN');
    await zh.goto('/leaderboards?tab=archive&archiveMetric=follow_ups');
    await zh.getByTestId('archive-week').getByText('2026-W46', { exact: false }).waitFor();
    await shownRows(zh);
    await screenshot(zh, 'zh-CN-leaderboards-archive');
    await zh.goto('/leaderboards?metric=signed_amount&scope=company&period=2026-11&by=unit');
    await shownRows(zh);
    await screenshot(zh, 'zh-CN-leaderboards-teams');
    await zh.context().close();

    for (const locale of ['zh-CN', 'en-US'] as const) {
      const settings = await pageFor('admin@pacer.demo', locale);
      await settings.goto('/admin/tenant');
      await settings.getByTestId('tenant-board-mode').waitFor();
      await screenshot(settings, `${locale === 'en-US' ? 'en' : 'zh-CN'}-tenant-leaderboard-settings`);
      await settings.context().close();
    }
  });
});
