import { describe, expect, it } from 'vitest';
import { chooseOption, dragOnto, pickByKeyboard, pickOption, screenshot } from './support/browser.ts';
import { e2eSuite, type Locale } from './support/e2e.ts';
import { canLogIn } from './support/server.ts';

// Administration journeys: accounts and roles, tenant settings, the holiday calendar, the org
// tree (drag to move, a move refused) and an effective-dated transfer.

const e2e = e2eSuite();

const adminPage = (locale: Locale = 'zh-CN') => e2e.pageFor('admin@pacer.demo', locale);

type Unit = { id: string; name: string; parentId: string | null };

describe('accounts and roles', () => {
  it('creates an account (a short password refused next to its field), changes its role, disables, enables, resets the password, exports', async () => {
    const page = await adminPage();
    await page.goto('/admin/users');
    await page.getByRole('cell', { name: 'admin@pacer.demo', exact: true }).waitFor();
    await screenshot(page, 'zh-CN-admin-users');

    await page.getByTestId('new-user').click();
    await page.locator('#user_email').fill('e2e.new.rep@pacer.demo');
    await page.locator('#user_password').fill('short');
    await page.locator('#user_displayName').fill('新同事');
    await pickByKeyboard(page, '#user_personId', '黄浩');
    await page.getByTestId('drawer-save').click();
    await page.getByText('密码至少需要 8 个字符').waitFor();
    await expect(page.locator('#user_displayName').inputValue()).resolves.toBe('新同事');
    await expect(page.locator('#user_email').inputValue()).resolves.toBe('e2e.new.rep@pacer.demo');
    await screenshot(page, 'zh-CN-admin-user-refused');
    await page.locator('#user_password').fill('pacer-e2e-2026');
    await page.getByTestId('drawer-save').click();
    const row = page.locator('.ant-table-row', { hasText: 'e2e.new.rep@pacer.demo' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/新同事[\s\S]*销售代表[\s\S]*黄浩/);
    expect(await canLogIn(e2e.server.api, 'e2e.new.rep@pacer.demo', 'pacer-e2e-2026')).toBe(true);

    await row.getByRole('button', { name: /编\s?辑/ }).click();
    await chooseOption(page, '#user_role', '销售经理');
    await page.getByTestId('drawer-save').click();
    await row.getByText('销售经理').waitFor();

    await page.getByTestId('toggle-e2e.new.rep@pacer.demo').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确 定' }).click();
    await row.getByText('已停用').waitFor();
    expect(await canLogIn(e2e.server.api, 'e2e.new.rep@pacer.demo', 'pacer-e2e-2026')).toBe(false);
    await page.getByTestId('toggle-e2e.new.rep@pacer.demo').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确 定' }).click();
    await row.getByText('启用', { exact: true }).waitFor();

    await page.getByTestId('reset-e2e.new.rep@pacer.demo').click();
    await page.locator('#resetPassword_password').fill('another-pass-1');
    await page.locator('#resetPassword_confirm').fill('another-pass-2');
    await page.getByTestId('password-save').click();
    await page.getByText('两次输入的密码不一致').waitFor();
    await page.locator('#resetPassword_confirm').fill('another-pass-1');
    await page.getByTestId('password-save').click();
    await page.getByText('已重置“新同事”的密码').waitFor();
    expect(await canLogIn(e2e.server.api, 'e2e.new.rep@pacer.demo', 'another-pass-1')).toBe(true);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('users.xlsx');
    const bytes = await (await file.createReadStream()).toArray();
    expect(Buffer.concat(bytes).subarray(0, 2).toString()).toBe('PK');
    await page.context().close();

    const en = await adminPage('en-US');
    await en.goto('/admin/users');
    await en.getByRole('cell', { name: 'e2e.new.rep@pacer.demo' }).waitFor();
    await screenshot(en, 'en-admin-users');
    await en.getByTestId('new-user').click();
    await en.locator('#user_password').fill('x');
    await en.getByTestId('drawer-save').click();
    await en.getByText('Login email is required').waitFor();
    await screenshot(en, 'en-admin-user-new');
    await en.context().close();
  });
});

describe('tenant settings', () => {
  it('refuses pace thresholds out of order next to the field, keeps the typing, then saves', async () => {
    const page = await adminPage();
    await page.goto('/admin/tenant');
    await expect(page.locator('#settings_pace_green').inputValue()).resolves.toBe('100');
    await screenshot(page, 'zh-CN-admin-tenant');
    await page.locator('#settings_gradeWeights_A').fill('1.5');
    await page.locator('#settings_effectiveVisitMinutes').fill('20');
    await page.locator('#settings_pace_yellow').fill('120');
    await page.getByTestId('tenant-save').click();
    await page.getByText('黄灯阈值须大于 0 且小于绿灯阈值').waitFor();
    await expect(page.locator('#settings_gradeWeights_A').inputValue()).resolves.toBe('1.50');
    await screenshot(page, 'zh-CN-admin-tenant-refused');
    await page.locator('#settings_pace_yellow').fill('80');
    await page.getByTestId('tenant-save').click();
    await page.getByText('租户设置已保存').waitFor();
    const admin = await e2e.apiAs('admin@pacer.demo');
    const tenant = await admin.get<{ timeZone: string; settings: Record<string, unknown> }>('/api/v1/tenant');
    expect(tenant.timeZone).toBe('Asia/Shanghai');
    expect(tenant.settings).toMatchObject({
      gradeWeights: { A: 1.5, B: 1, C: 0.6 },
      effectiveVisitMinutes: 20,
      pace: { green: 1, yellow: 0.8 },
    });
    await page.context().close();

    const en = await adminPage('en-US');
    await en.goto('/admin/tenant');
    await expect(en.locator('#settings_pace_yellow').inputValue()).resolves.toBe('80');
    await screenshot(en, 'en-admin-tenant');
    await en.context().close();
  });
});

describe('holiday calendar', () => {
  it('shows a provisional year, reloads the national calendar after a deletion and says what changed, adds a day', async () => {
    const page = await adminPage();
    await page.goto('/admin/holidays');
    await page.getByTestId('year-calendar').waitFor();
    await chooseOption(page, '[data-testid=holiday-year]', '2027 年 · 暂定');
    await page.getByText('2027 年的安排是按法定规则推算的暂定日历').waitFor();
    const newYear = page.locator('.ant-table-row', { hasText: '元旦' }).first();
    await newYear.getByRole('button', { name: /删\s?除/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确 定' }).click();
    await page.getByText('已删除').waitFor();
    await page.getByTestId('load-cn').click();
    const result = page.getByTestId('load-result');
    await result.getByText(/新增 1 天，更新 0 天，无变化 \d+ 天/).waitFor();
    await result.getByText('暂定').waitFor();
    await screenshot(page, 'zh-CN-admin-holidays');

    await page.getByRole('button', { name: '2027-03-08', exact: true }).click();
    await expect(page.locator('#date').inputValue()).resolves.toBe('2027-03-08');
    await page.locator('#name').fill('公司年会');
    await page.getByTestId('drawer-save').click();
    await page.locator('.ant-table-row', { hasText: '公司年会' }).waitFor();
    await page.context().close();

    const en = await adminPage('en-US');
    await en.goto('/admin/holidays');
    await chooseOption(en, '[data-testid=holiday-year]', '2027 · Provisional');
    await en.locator('.ant-table-row', { hasText: 'Spring Festival' }).first().waitFor();
    await en.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await screenshot(en, 'en-admin-holidays');
    await en.context().close();
  });
});

describe('org tree and transfers', () => {
  it('moves a team by dragging it onto another region, and refuses a region under its own team with the reason', async () => {
    const admin = await e2e.apiAs('admin@pacer.demo');
    const units = (await admin.get<{ items: Unit[] }>('/api/v1/org-units?limit=500')).items;
    const byName = (name: string) => units.find((u) => u.name === name) as Unit;
    const page = await adminPage();
    await page.goto('/admin/org');
    const node = (name: string) =>
      page.getByTestId('org-tree').locator('.ant-tree-node-content-wrapper', { hasText: name });
    await node('杭州组').waitFor();
    await dragOnto(page, node('杭州组'), node('华南'));
    await page.locator('.ant-modal-confirm-title', { hasText: '把“杭州组”移到“华南”之下？' }).waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确 定' }).click();
    await page.getByText('已把“杭州组”移到“华南”之下').waitFor();
    const moved = await admin.get<Unit>(`/api/v1/org-units/${byName('杭州组').id}`);
    expect(moved.parentId).toBe(byName('华南').id);
    await screenshot(page, 'zh-CN-admin-org-moved');

    await node('华东').click();
    await page.getByTestId('edit-unit').click();
    await pickOption(page, '上级单位', '上海一组');
    await page.getByTestId('drawer-save').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '不能把单位移到它自己的下级单位之下' }).waitFor();
    await screenshot(page, 'zh-CN-admin-org-refused');
    expect((await admin.get<Unit>(`/api/v1/org-units/${byName('华东').id}`)).parentId).toBe(
      byName('示例科技有限公司').id,
    );
    await page.context().close();

    const en = await adminPage('en-US');
    await en.goto('/admin/org');
    await en.getByTestId('org-tree').getByText('杭州组').waitFor();
    await screenshot(en, 'en-admin-org');
    await en.context().close();
  });

  it('transfers a person from a chosen date: the current membership ends the day before, the history shows both', async () => {
    const admin = await e2e.apiAs('admin@pacer.demo');
    const person = (await admin.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/people?q=吴若曦'))
      .items[0];
    expect(person?.name).toBe('吴若曦');
    const before = await admin.get<{ items: Array<{ unitId: string; startOn: string; endOn: string | null }> }>(
      `/api/v1/memberships?personId=${person?.id}&limit=50`,
    );
    const open = before.items.find((m) => m.endOn === null);
    expect(open).toBeDefined();
    const page = await adminPage();
    await page.goto('/admin/people');
    await page.getByRole('searchbox').fill('吴若曦');
    await page.getByRole('searchbox').press('Enter');
    await page.getByTestId('transfer-吴若曦').click();
    await page.getByTestId('membership-history').locator('.ant-table-row').first().waitFor();
    await pickByKeyboard(page, '#transfer_unitId', '上海二组');
    await page.locator('#transfer_startOn').click();
    await page.locator('#transfer_startOn').fill('2027-01-01');
    await page.locator('#transfer_startOn').press('Enter');
    await page.locator('#transfer_startOn').press('Escape');
    await page.getByTestId('transfer-save').click();
    await page.getByText('吴若曦 将从 2027年1月1日 起调入新单位').waitFor();
    await page.getByTestId('membership-history').getByText('待生效').waitFor();
    await screenshot(page, 'zh-CN-admin-transfer');
    const after = await admin.get<{ items: Array<{ unitId: string; startOn: string; endOn: string | null }> }>(
      `/api/v1/memberships?personId=${person?.id}&limit=50&sort=startOn`,
    );
    const last = after.items.slice(-2);
    expect(last.map((m) => [m.startOn, m.endOn])).toEqual([
      [open?.startOn, '2026-12-31'],
      ['2027-01-01', null],
    ]);

    // A second transfer on the same day is refused next to the date, nothing written.
    await pickByKeyboard(page, '#transfer_unitId', '北京一组');
    await page.getByTestId('transfer-save').click();
    await page.getByText('生效日期须晚于最近一段归属的开始日期').waitFor();
    await page.context().close();

    const en = await adminPage('en-US');
    await en.goto('/admin/people');
    await en.getByTestId('transfer-吴若曦').click();
    await en.getByTestId('membership-history').getByText('Upcoming').waitFor();
    await screenshot(en, 'en-admin-transfer');
    await en.context().close();
  });
});
