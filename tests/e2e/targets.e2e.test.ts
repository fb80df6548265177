import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { e2eSuite, type Locale } from './support/e2e.ts';

// Targets beyond the grid (issue 5): splitting a year into months by seasonality with a locked
// month, target suggestions approved and rejected, and the XLSX grid exported and imported back;
// in both languages. The demo company's today is 2026-11-20.

const e2e = e2eSuite();
const files = mkdtempSync(join(tmpdir(), 'pacer-tgt-e2e-'));

function numberInput(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

const pageFor = (locale: Locale = 'zh-CN') => e2e.pageFor('admin@pacer.demo', locale);

/** Waits until no antd enter/leave animation runs, so a screenshot shows the modal at full size. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]'),
  );
}

/** ¥1,234.50 -> 123450 (cents). */
const cents = (text: string | null) => Math.round(Number((text ?? '').replace(/[^\d.-]/g, '')) * 100);

async function unitId(name: string): Promise<string> {
  const admin = await e2e.apiAs('admin@pacer.demo');
  const units = (await admin.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/org-units?limit=100')).items;
  return (units.find((u) => u.name === name) as { id: string }).id;
}

const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

describe('decomposition by time', () => {
  it("splits a team's year into months by last year's seasonality; a locked month keeps its value", async () => {
    const subject = `unit:${await unitId('北京二组')}`;
    const page = await pageFor();
    await page.goto('/admin/targets');
    await page.getByTestId('period-kind').getByText('年', { exact: true }).click();
    await page.getByTestId(`edit-${subject}`).click();
    await numberInput(page, 'target-value').fill('1200000');
    await page.getByTestId('target-save').click();
    await expect(page.getByTestId(`target-${subject}`).textContent()).resolves.toMatch(/1,200,000/);

    await page.getByTestId(`split-months-${subject}`).click();
    const drawer = page.getByTestId('time-decompose-drawer');
    await drawer.getByTestId('month-2026-12').waitFor();
    const read = async () =>
      Promise.all(months.map(async (m) => cents(await drawer.getByTestId(`month-${m}`).textContent())));
    const even = await read();
    expect(even.reduce((a, b) => a + b, 0)).toBe(1_200_000_00);
    // Last year's months differ (the demo's 2025 starts in May), so the split is not even.
    expect(new Set(even).size).toBeGreaterThan(1);

    await numberInput(drawer, 'month-lockvalue-2026-01').fill('200000');
    await page.getByTestId('time-decompose-preview').click();
    await drawer.locator('.ant-tag', { hasText: '锁定' }).waitFor();
    await settled(page);
    const locked = await read();
    expect(locked[0]).toBe(200_000_00);
    // The other eleven months absorb the difference: they sum to the rest, to the cent.
    expect(locked.slice(1).reduce((a, b) => a + b, 0)).toBe(1_000_000_00);
    await expect(drawer.getByTestId('time-decompose-sum').textContent()).resolves.toBe(
      '总目标 ¥1,200,000.00，各部分合计 ¥1,200,000.00',
    );
    await screenshot(page, 'zh-CN-targets-split-months');
    await page.getByTestId('time-decompose-apply').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.context().close();

    const admin = await e2e.apiAs('admin@pacer.demo');
    const january = await admin.get<Array<{ periodKey: string; value: number; isLocked: boolean }>>(
      `/api/v1/targets?metricId=signed_amount&subject=${subject}&period=2026-01`,
    );
    expect(january.find((t) => t.periodKey === '2026-01')).toMatchObject({ value: 200_000_00, isLocked: true });

    const en = await pageFor('en-US');
    await en.goto('/admin/targets');
    await en.getByTestId('period-kind').getByText('Year', { exact: true }).click();
    await en.getByTestId(`split-months-${subject}`).click();
    await en.getByTestId('time-decompose-drawer').getByTestId('month-2026-12').waitFor();
    await settled(en);
    await screenshot(en, 'en-targets-split-months');
    await en.context().close();
  });
});

describe('target suggestions', () => {
  it('proposes the rest of November for a team, approves one into the grid and rejects another with a reason', async () => {
    const team = await unitId('上海二组');
    const page = await pageFor();
    await page.goto('/admin/targets');
    const panel = page.getByTestId('suggestions-panel');
    await page.getByTestId('suggest-unit').click();
    await page.keyboard.type('上海二组');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '上海二组' })
      .first()
      .click();
    await numberInput(panel, 'suggest-factor').fill('1.1');
    await page.getByTestId('suggest-generate').click();
    const proposed = panel.locator('[data-testid^="proposed-"]');
    await proposed.first().waitFor();
    expect(await proposed.count()).toBeGreaterThan(1);
    await panel.getByText('× 市场系数 1.1 =', { exact: false }).first().waitFor();
    await screenshot(page, 'zh-CN-targets-suggestions');

    // Approve a proposal above 0 and reject the next one.
    const ids: string[] = [];
    for (const cell of await proposed.all())
      if ((await cell.textContent()) !== '¥0.00')
        ids.push(((await cell.getAttribute('data-testid')) ?? '').replace('proposed-', ''));
    expect(ids.length).toBeGreaterThan(1);
    const [first, second] = ids as [string, string];
    const value = await panel.getByTestId(`proposed-${first}`).textContent();
    await panel.getByTestId(`approve-${first}`).click();
    await page.getByTestId('decide-ok').click();
    await panel.getByTestId(`approve-${first}`).waitFor({ state: 'detached' });

    await panel.getByTestId(`reject-${second}`).click();
    await page.getByTestId('decide-reason').fill('客户预算冻结');
    await page.getByTestId('decide-ok').click();
    await panel.getByTestId(`reject-${second}`).waitFor({ state: 'detached' });
    await page.getByTestId('suggestions-pending').click();
    await expect(panel.getByTestId(`status-${first}`).textContent()).resolves.toBe('已批准');
    await expect(panel.getByTestId(`status-${second}`).textContent()).resolves.toBe('已驳回');
    await panel.getByText('客户预算冻结').waitFor();

    // The approved proposal is now the person's target in the grid.
    await page
      .locator('tr', { has: page.getByTestId(`target-unit:${team}`) })
      .locator('.ant-table-row-expand-icon')
      .click();
    await expect(page.getByTestId(`target-person:${first}`).textContent()).resolves.toBe(value);
    await screenshot(page, 'zh-CN-targets-suggestions-decided');
    await page.context().close();

    const en = await pageFor('en-US');
    await en.goto('/admin/targets');
    await en.getByTestId('suggestions-pending').click();
    await expect(en.getByTestId(`status-${first}`).textContent()).resolves.toBe('Approved');
    await en.getByText('× market factor 1.1 =', { exact: false }).first().waitFor();
    await screenshot(en, 'en-targets-suggestions');
    await en.context().close();
  });
});

describe('targets in XLSX', () => {
  it('exports the grid, imports it back unchanged, refuses a bad cell and commits a good change', async () => {
    const team = await unitId('上海一组');
    const page = await pageFor();
    await page.goto('/admin/targets');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('targets-export').click()]);
    const original = join(files, 'targets.xlsx');
    await download.saveAs(original);
    expect(download.suggestedFilename()).toBe('targets-signed_amount-2026.xlsx');

    const upload = async (path: string) => {
      await page.locator('input[type=file]').setInputFiles(path);
      await page.getByTestId('targets-import-summary').waitFor();
    };
    await upload(original);
    await expect(page.getByTestId('targets-import-summary').textContent()).resolves.toMatch(/其中 0 处将变更/);
    await expect(page.getByTestId('targets-import-issues').count()).resolves.toBe(0);
    await expect(page.getByTestId('targets-import-commit').isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: '取 消' }).click();

    // Edit the file as a director would: 上海一组's November, once wrong, once right.
    const edit = async (value: number | string, name: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(original);
      const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
      const header = sheet.getRow(2).values as unknown[];
      const column = header.indexOf('2026-11');
      sheet.eachRow((row) => {
        if (row.getCell(3).value === '上海一组') row.getCell(column).value = value;
      });
      const path = join(files, name);
      await workbook.xlsx.writeFile(path);
      return path;
    };
    await upload(await edit(-5, 'bad.xlsx'));
    const issues = page.getByTestId('targets-import-issues');
    await issues.getByText('-5：目标不能为负数').waitFor();
    await expect(page.getByTestId('targets-import-commit').isDisabled()).resolves.toBe(true);
    await settled(page);
    await screenshot(page, 'zh-CN-targets-import-bad-cell');
    await page.getByRole('button', { name: '取 消' }).click();

    await upload(await edit(888888, 'good.xlsx'));
    const changes = page.getByTestId('targets-import-changes');
    await changes.getByText('¥888,888.00').waitFor();
    await settled(page);
    await screenshot(page, 'zh-CN-targets-import-preview');
    await page.getByTestId('targets-import-commit').click();
    await page.getByTestId('targets-import-report').waitFor({ state: 'hidden' });
    await page.getByTestId(`target-unit:${team}`).getByText('¥888,888.00', { exact: true }).waitFor();
    await page.context().close();

    const en = await pageFor('en-US');
    await en.goto('/admin/targets');
    await en.locator('input[type=file]').setInputFiles(join(files, 'bad.xlsx'));
    await en.getByTestId('targets-import-issues').getByText('-5: a target cannot be negative').waitFor();
    await settled(en);
    await screenshot(en, 'en-targets-import-bad-cell');
    await en.context().close();
  });
});

describe("a manager's targets", () => {
  it('shows a manager the units they head (and none other) on 团队目标', async () => {
    const page = await e2e.pageFor('manager@pacer.demo');
    const [own, other] = [await unitId('上海一组'), await unitId('上海二组')];
    await page.getByTestId('side-menu').getByText('团队目标').click();
    await page.getByTestId(`target-unit:${own}`).waitFor();
    expect(await page.getByTestId(`target-unit:${other}`).count()).toBe(0);
    await screenshot(page, 'zh-CN-team-targets');
    await page.context().close();
  });
});
