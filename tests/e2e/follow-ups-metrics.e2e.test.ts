import { describe, expect, it } from 'vitest';
import { pickOption, screenshot } from './support/browser.ts';
import { e2eSuite } from './support/e2e.ts';

// Why a follow-up does not count (timeline, list, customer page), "my metrics" with the records
// behind a value, and how long the first screen after login takes.

const e2e = e2eSuite();

const { pageFor } = e2e;

describe('invalid follow-ups', () => {
  it('marks a too-short note and a same-day repeat on the timeline, the list and the customer page', async () => {
    const rep = await e2e.apiAs('rep@pacer.demo');
    const customer = (
      await rep.get<{ items: Array<{ id: string; name: string }> }>(
        `/api/v1/customers?ownerId=${rep.me.personId}&limit=1`,
      )
    ).items[0] as { id: string; name: string };
    const page = await pageFor('rep@pacer.demo');
    await page.goto('/activities');
    const form = page.getByTestId('log-activity-form');
    await form.getByText('电话', { exact: true }).click();
    await pickOption(page, '客户', customer.name.slice(2, 6), customer.name);
    const timeline = page.getByTestId('activity-timeline');
    const log = async (notes: string, times: number) => {
      await form.locator('textarea#notes').fill(notes);
      await page.getByTestId('log-activity-submit').click();
      await timeline
        .getByText(notes, { exact: true })
        .nth(times - 1)
        .waitFor();
    };
    await log('已联系', 1);
    await log('电话沟通报价，客户同意下周面谈', 1);
    await log('电话沟通报价，客户同意下周面谈', 2);
    const item = (notes: string) => timeline.locator('.ant-timeline-item', { hasText: notes });
    await item('已联系').getByText('无效：内容过短').waitFor();
    await item('电话沟通报价').first().getByText('无效：重复记录').waitFor();
    await expect(item('电话沟通报价').nth(1).getByTestId('invalid-mark').count()).resolves.toBe(0);
    await screenshot(page, 'zh-CN-activities-invalid');

    await page.getByTestId('activities-view').getByText('列表').click();
    await page.locator('.ant-table-row', { hasText: '已联系' }).getByText('无效：内容过短').waitFor();
    await screenshot(page, 'zh-CN-activities-list');

    await page.goto(`/customers/${customer.id}`);
    const onCustomer = page.getByTestId('activity-timeline');
    await onCustomer.getByText('无效：内容过短').first().waitFor();
    await onCustomer.getByText('无效：重复记录').first().waitFor();
    await screenshot(page, 'zh-CN-customer-invalid');
    await page.context().close();

    const en = await pageFor('rep@pacer.demo', 'en-US');
    await en.goto('/activities');
    await en.getByTestId('activity-timeline').getByText('Not counted: Notes too short').first().waitFor();
    await screenshot(en, 'en-activities-invalid');
    await en.getByTestId('activities-view').getByText('List').click();
    await en.locator('.ant-table-row').getByText('Not counted: Duplicate').first().waitFor();
    await screenshot(en, 'en-activities-list');
    await en.context().close();
  });
});

describe('my metrics', () => {
  it("shows a rep this month's values and, on a click, the records behind one with the reasons translated", async () => {
    const page = await pageFor('rep@pacer.demo');
    await page.goto('/my-metrics');
    const followUps = page.getByTestId('value-follow_ups-person');
    await followUps.waitFor();
    await screenshot(page, 'zh-CN-my-metrics');
    await followUps.click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('有效跟进次数').first().waitFor();
    const counted = Number(await drawer.getByTestId('explain-counted').textContent());
    const excluded = Number(await drawer.getByTestId('explain-excluded').textContent());
    expect(excluded).toBeGreaterThanOrEqual(1);
    expect(counted).toBe(Number(await followUps.textContent()));
    await drawer.locator('.ant-segmented-item', { hasText: '未计入' }).click();
    const rows = drawer.getByTestId('explain-facts').locator('.ant-table-row');
    await expect(rows.count()).resolves.toBe(Math.min(excluded, 15));
    const reasons = await rows.locator('td:last-child').allTextContents();
    const translated = ['无客户', '内容过短', '重复记录', '跟进方式为“其他”'];
    expect(reasons.filter((r) => !translated.includes(r.trim()))).toEqual([]);
    await screenshot(page, 'zh-CN-metric-explain');
    await page.context().close();
  });

  it('shows a manager their team and themselves, in English', async () => {
    const page = await pageFor('manager@pacer.demo', 'en-US');
    await page.goto('/my-metrics');
    const table = page.getByTestId('metrics-table');
    await table.getByRole('columnheader', { name: '上海一组' }).waitFor();
    await table.getByRole('columnheader', { name: 'Me', exact: true }).waitFor();
    await page.getByTestId('value-signed_amount-unit').waitFor();
    await screenshot(page, 'en-my-metrics');
    await page.getByTestId('value-signed_amount-unit').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('Signed amount · 上海一组').waitFor();
    await drawer.getByTestId('explain-facts').locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'en-metric-explain');
    await page.context().close();
  });
});

describe('first screen after login', () => {
  // Where each role lands and that its first screen fills in. How fast is measured by
  // `npm run bench -- --only-web` (docs/performance.md), not here: this machine is shared and a
  // timed test would fail on a busy minute rather than on slow code.
  it.each([
    // A rep lands on 我的绩效 (its scorecard table is the row waited for), an admin on the customers.
    ['rep@pacer.demo', '/dashboard'],
    ['admin@pacer.demo', '/customers'],
  ])("%s lands on the demo company's first screen, filled in", async (email, path) => {
    const page = await e2e.newPage();
    await page.goto('/login');
    await page.locator('input#email').fill(email);
    await page.locator('input#password').fill('pacer-demo');
    await page.locator('button[type=submit]').click();
    await page.locator('.ant-table-row').first().waitFor();
    expect(new URL(page.url()).pathname).toBe(path);
    await page.context().close();
  });
});
