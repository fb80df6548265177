import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { e2eSuite } from './support/e2e.ts';

// The dashboards of issue 6 on the demo company: a rep's 我的绩效 (their first screen), a
// manager's team view with its drill-down, and the company view of an admin; in both languages.

const e2e = e2eSuite();

const { pageFor } = e2e;

/** A chart has drawn when ECharts has put its canvas in the container. */
const chartDrawn = (page: Page, testId: string) => page.getByTestId(testId).locator('canvas').first().waitFor();

describe('personal dashboard 我的绩效', () => {
  it("is a rep's first screen: scorecard with pace and gaps, ranks, trends, activities; a number opens its records", async () => {
    const page = await pageFor('rep@pacer.demo');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    const items = page.getByTestId('dashboard-items');
    await items.locator('.ant-table-row').first().waitFor();
    await expect(page.getByTestId('dashboard-total').textContent()).resolves.toMatch(/\d/);
    await expect(page.getByTestId('rank-team').textContent()).resolves.toMatch(/\d+\s*\/\s*\d+/);
    await expect(page.getByTestId('rank-company').textContent()).resolves.toMatch(/\d+\s*\/\s*\d+/);
    // The hunter scheme's items, each with a pace colour.
    await items.getByText('签约金额').waitFor();
    await items.getByText('有效跟进次数').waitFor();
    expect(await items.getByTestId('pace-tag').count()).toBeGreaterThanOrEqual(5);
    await page.getByTestId('recent-activities').getByTestId('recent-activity').first().waitFor();
    await chartDrawn(page, 'chart-signed_amount');
    await screenshot(page, 'zh-CN-dashboard-person');

    await items.getByTestId('actual-signed_amount').click();
    const drawer = page.getByTestId('explain-drawer');
    await drawer.getByTestId('explain-value').waitFor();
    // The drawer's value is the number clicked.
    const clicked = await items.getByTestId('actual-signed_amount').textContent();
    await expect(drawer.getByTestId('explain-value').textContent()).resolves.toBe(clicked);
    await screenshot(page, 'zh-CN-dashboard-person-explain');
    await page.keyboard.press('Escape');

    // A week, compared with the week before.
    await page.getByTestId('period-kind').getByText('周', { exact: true }).click();
    await page.waitForURL(/period=\d{4}-W\d{2}/);
    await page
      .getByTestId('dashboard-total')
      .getByText(/\d{4}-W\d{2} 总分/)
      .waitFor();
    await page.context().close();

    const en = await pageFor('rep@pacer.demo', 'en-US');
    await en.getByTestId('dashboard-items').getByRole('columnheader', { name: 'To pace' }).waitFor();
    await en.getByTestId('dashboard-items').getByText('Signed amount').waitFor();
    await chartDrawn(en, 'chart-signed_amount');
    await screenshot(en, 'en-dashboard-person');
    await en.context().close();
  });
});

describe('team dashboard 团队看板', () => {
  it('shows a manager members x metrics by pace with red lines, and drills down to a member', async () => {
    const page = await pageFor('manager@pacer.demo');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    // The demo manager has no scorecard of their own: the first screen points to the team view.
    await page.getByTestId('manager-hint').getByText('团队看板').waitFor();
    await screenshot(page, 'zh-CN-dashboard-manager');
    await page.getByTestId('side-menu').getByText('团队看板').click();
    const heat = page.getByTestId('heat-table');
    await heat.locator('.ant-table-row').first().waitFor();
    await page.getByTestId('team-unit').getByText('上海一组').waitFor();
    expect(await heat.locator('.ant-table-row').count()).toBeGreaterThan(3);
    // Cells carry their pace status; red lines name who is behind since when.
    expect(
      await heat.locator('td[data-status="red"], td[data-status="yellow"], td[data-status="green"]').count(),
    ).toBeGreaterThan(5);
    const redLines = page.getByTestId('red-lines');
    await redLines.waitFor();
    const reds = await redLines.getByTestId('red-line').count();
    expect(reds).toBeGreaterThan(0);
    expect(reds).toBe(await heat.locator('td[data-status="red"]').count());
    await redLines
      .getByText(/自 .+ 起落后/)
      .first()
      .waitFor();
    await screenshot(page, 'zh-CN-dashboard-team');
    // A cell opens the records behind it.
    await heat.locator('[data-testid^="cell-signed_amount-"] a').first().click();
    await page.getByTestId('explain-drawer').getByTestId('explain-value').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('explain-drawer').waitFor({ state: 'hidden' });

    // Sorting by score, then opening the first member's dashboard.
    const first = heat.locator('.ant-table-row').first().locator('a[data-testid^="member-"]');
    const name = (await first.textContent()) as string;
    await first.click();
    await page.waitForURL(/\/dashboard\/person\//);
    await page.getByText(`${name} 的绩效`).waitFor();
    await page.getByTestId('dashboard-items').locator('.ant-table-row').first().waitFor();
    await chartDrawn(page, 'chart-signed_amount');
    await screenshot(page, 'zh-CN-dashboard-member');
    await page.context().close();

    const en = await pageFor('manager@pacer.demo', 'en-US');
    await en.goto('/dashboard/team');
    await en.getByTestId('heat-table').locator('.ant-table-row').first().waitFor();
    await en.getByText(/Red-line warnings \(\d+\)/).waitFor();
    await screenshot(en, 'en-dashboard-team');
    await en.context().close();
  });

  it('keeps a rep out of the team and company views', async () => {
    const page = await pageFor('rep@pacer.demo');
    await page.goto('/dashboard/team');
    await page.getByText('403').first().waitFor();
    await page.goto('/dashboard/company');
    await page.getByText('403').first().waitFor();
    await page.context().close();
  });
});

describe('company dashboard 公司看板', () => {
  it('shows an admin the org tree by attainment, regions, ratings, the year against target and the funnel', async () => {
    const admin = await e2e.apiAs('admin@pacer.demo');
    const api = await admin.get<{ units: Array<{ kind: string; name: string }>; funnel: Array<{ count: number }> }>(
      '/api/v1/dashboards/company?period=2026-11',
    );
    const regions = api.units.filter((u) => u.kind === 'region').map((u) => u.name);
    expect(regions.length).toBe(3);

    const page = await pageFor('admin@pacer.demo');
    await page.goto('/dashboard/company');
    const tree = page.getByTestId('org-tree');
    await tree.locator('.ant-table-row').first().waitFor();
    for (const region of regions) await tree.getByText(region, { exact: true }).waitFor();
    await expect(page.getByTestId('region-card').count()).resolves.toBe(3);
    await tree.getByText('上海一组').waitFor();
    await chartDrawn(page, 'company-trend');
    await chartDrawn(page, 'company-funnel');
    await chartDrawn(page, 'company-ratings');
    expect(api.funnel.reduce((n, f) => n + f.count, 0)).toBeGreaterThan(0);
    await screenshot(page, 'zh-CN-dashboard-company');

    // A unit's actual opens its records; the value shown is the one clicked.
    const east = tree.locator('tr', { hasText: '华东' }).first().locator('[data-testid^="unit-actual-"]');
    const clicked = await east.textContent();
    await east.click();
    const drawer = page.getByTestId('explain-drawer');
    await drawer.getByText('签约金额 · 华东').waitFor();
    await expect(drawer.getByTestId('explain-value').textContent()).resolves.toBe(clicked);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // A team in the tree opens its team view.
    await tree.getByText('上海一组').click();
    await page.waitForURL(/\/dashboard\/team\?unit=/);
    await page.getByTestId('heat-table').locator('.ant-table-row').first().waitFor();
    await page.context().close();

    const en = await pageFor('admin@pacer.demo', 'en-US');
    // The fiscal year 2026 (the demo's year starts in January).
    await en.goto('/dashboard/company?period=2026');
    await en.getByText('Signed amount by month, fiscal year 2026, against target').waitFor();
    await en.getByTestId('org-tree').locator('.ant-table-row').first().waitFor();
    await en.getByText('Attainment across the organisation').waitFor();
    await chartDrawn(en, 'company-trend');
    await chartDrawn(en, 'company-funnel');
    await screenshot(en, 'en-dashboard-company');
    await en.context().close();
  });
});
