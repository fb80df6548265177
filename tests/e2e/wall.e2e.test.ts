import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { e2eSuite } from './support/e2e.ts';

// 激励墙: an admin makes a read-only link, an office screen opens it with no login, and a contract
// signed through the API shows on the wall without a reload; revoking the link ends the wall.

const e2e = e2eSuite();

/** A TV: a big screen, no session, the link's address only. */
async function tvPage(url: string): Promise<Page> {
  const context = await e2e.browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1920, height: 1080 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

describe('the incentive wall', () => {
  let wallUrl = '';

  it('an admin makes a wall link and sees its address once', async () => {
    const page = await e2e.pageFor('admin@pacer.demo');
    await page.goto('/admin/wall-links');
    await page.getByTestId('wall-link-new').click();
    await page.locator('#wall-link-name').fill('总部大堂电视');
    await page.getByTestId('wall-link-save').click();
    wallUrl = (await page.getByTestId('wall-link-url').innerText()).trim();
    expect(wallUrl).toMatch(/\/wall\/pw_[\w-]+$/);
    await page.getByRole('cell', { name: '总部大堂电视' }).waitFor();
    await screenshot(page, 'zh-CN-wall-links');
    await page.context().close();
  });

  it('shows boards, team progress and the honour roll to a screen with no login, and a new contract arrives live', async () => {
    const page = await tvPage(wallUrl);
    await page.getByTestId('wall').waitFor();
    await page.locator('[data-testid=wall-live][data-status=live]').waitFor();
    expect(await page.getByTestId('wall-team').count()).toBeGreaterThan(0);
    await screenshot(page, 'zh-CN-wall');
    // Mark this page: if it reloaded, the mark would be gone.
    await page.evaluate(() => Object.assign(window, { wallMark: 'no reload' }));

    const admin = await e2e.apiAs('admin@pacer.demo');
    const reps = await admin.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/people?limit=5');
    const rep = reps.items[0];
    const customer = (await admin.send('POST', '/api/v1/customers', {
      name: '实时大屏测试客户',
      grade: 'A',
      ownerId: rep?.id,
    })) as { record: { id: string } };
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await admin.send('POST', '/api/v1/contracts', {
      customerId: customer.record.id,
      ownerId: rep?.id,
      title: '大屏实时合同',
      amountCents: 123_456_700,
      signedOn: today,
    });
    // No reload, no polling in between: the change stream makes the wall refetch.
    await page.getByText(`签下 实时大屏测试客户`).waitFor({ timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { wallMark?: string }).wallMark)).toBe('no reload');
    await screenshot(page, 'zh-CN-wall-live');
    await page.context().close();
  });

  it('reads in English from the link, and ends when the link is revoked', async () => {
    const page = await tvPage(`${wallUrl}?lang=en`);
    await page.getByText('Team progress · signed amount').waitFor();
    await screenshot(page, 'en-wall');
    const admin = await e2e.apiAs('admin@pacer.demo');
    const links = await admin.get<Array<{ id: string; name: string }>>('/api/v1/wall-links');
    const link = links.find((l) => l.name === '总部大堂电视');
    await admin.send('DELETE', `/api/v1/wall-links/${link?.id}`);
    // The revocation is a change too: the wall refetches and learns its link is gone.
    await page.getByTestId('wall-invalid').waitFor({ timeout: 5_000 });
    await page.context().close();
  });

  it('shows the admin page in English', async () => {
    const page = await e2e.pageFor('admin@pacer.demo', 'en-US');
    await page.goto('/admin/wall-links');
    await page.getByRole('cell', { name: '总部大堂电视' }).waitFor();
    await screenshot(page, 'en-wall-links');
    await page.context().close();
  });
});
