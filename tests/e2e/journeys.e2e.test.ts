import { describe, expect, it } from 'vitest';
import { menuItems, pickOption, screenshot } from './support/browser.ts';
import { e2eSuite } from './support/e2e.ts';

// The journeys of the web-app issue, in real Chromium against the real server and demo company.

const e2e = e2eSuite();

const { pageFor } = e2e;

// 我的绩效 (the dashboard) first: reps and managers land there; 我的指标 is the metrics table.
const REP_MENU = [
  '我的绩效',
  '我的客户',
  '商机',
  '跟进记录',
  '合同',
  '方案',
  '案例库',
  '我的指标',
  '我的考核',
  '申诉',
  '参与设计',
  '排行榜',
];
const TEAM_MENU = ['团队客户', '团队商机', '团队跟进', '团队合同', '团队方案'];

describe('logging in, each role sees its own menu', () => {
  it.each([
    ['rep@pacer.demo', REP_MENU],
    ['manager@pacer.demo', [...REP_MENU, '团队看板', ...TEAM_MENU, '团队目标']],
    [
      'admin@pacer.demo',
      [
        ...REP_MENU.slice(1, 6),
        '回款',
        '案例库',
        '我的指标',
        '我的考核',
        '申诉',
        '排行榜',
        '团队看板',
        ...TEAM_MENU,
        '公司看板',
        '自定义指标',
        '考核方案',
        '目标',
        '结算',
        '组织架构',
        '人员',
        '岗位',
        '账号与角色',
        '租户设置',
        '节假日',
        '激励墙链接',
        '数据导入',
      ],
    ],
    ['finance@pacer.demo', ['合同', '回款', '我的指标', '我的考核', '排行榜', '公司看板', '数据导入']],
  ])('%s', async (email, expected) => {
    const page = await pageFor(email);
    expect(await menuItems(page)).toEqual(expected);
    await page.getByTestId('account-menu').hover();
    await page.getByText('退出登录').click();
    await page.locator('input#email').waitFor();
    await page.goto('/customers');
    await page.locator('input#email').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  it('refuses a wrong password with a message', async () => {
    const page = await e2e.newPage();
    await page.goto('/login');
    await page.locator('input#email').fill('rep@pacer.demo');
    await page.locator('input#password').fill('wrong');
    await page.locator('button[type=submit]').click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('邮箱或密码错误');
    await expect(page.locator('input#email').inputValue()).resolves.toBe('rep@pacer.demo');
    await page.context().close();
  });
});

describe('a rep at work', () => {
  it('creates a customer and lands on its page', async () => {
    const page = await pageFor('rep@pacer.demo');
    await page.goto('/customers'); // a rep lands on 我的绩效
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'zh-CN-customers');
    await page.getByTestId('new-customer').click();
    await page.locator('input#name').fill('杭州测试新材料有限公司');
    await page.locator('#grade').click();
    await page.locator('.ant-select-item-option', { hasText: 'A' }).first().click();
    await page.locator('input#region').fill('杭州');
    await page.getByTestId('drawer-save').click();
    await page.getByRole('heading', { name: '杭州测试新材料有限公司' }).waitFor();
    expect(page.url()).toMatch(/\/customers\/[0-9a-f-]{36}$/);
    await page.context().close();
  });

  it('logs a follow-up on a phone-size screen and sees it on the timeline', async () => {
    const page = await pageFor('rep@pacer.demo', 'zh-CN', true);
    const rep = await e2e.apiAs('rep@pacer.demo');
    const mine = await rep.get<{ items: Array<{ name: string }> }>(
      `/api/v1/customers?ownerId=${rep.me.personId}&limit=1`,
    );
    const customer = mine.items[0]?.name as string;
    await page.goto('/activities');
    const form = page.getByTestId('log-activity-form');
    await form.getByText('电话', { exact: true }).click();
    await pickOption(page, '客户', customer.slice(2, 6), customer);
    await form.locator('textarea#notes').fill('电话沟通二期需求，下周上门演示');
    await screenshot(page, 'zh-CN-phone-log-follow-up');
    await page.getByTestId('log-activity-submit').click();
    await page.getByText('跟进已保存').waitFor();
    await page.getByTestId('activity-timeline').getByText('电话沟通二期需求，下周上门演示').waitFor();
    await page.context().close();
  });

  it('refuses a deal team whose shares do not sum to 100%, keeps what was typed, then saves it fixed', async () => {
    const page = await pageFor('rep@pacer.demo');
    const rep = await e2e.apiAs('rep@pacer.demo');
    const mine = await rep.get<{ items: Array<{ name: string }> }>(
      `/api/v1/customers?ownerId=${rep.me.personId}&limit=1`,
    );
    const people = await rep.get<{ items: Array<{ id: string; name: string; leftOn: string | null }> }>(
      '/api/v1/people?limit=500',
    );
    const colleague = people.items.find((p) => p.id !== rep.me.personId && !p.leftOn)?.name as string;
    const customer = mine.items[0]?.name as string;
    await page.goto('/deals');
    await screenshot(page, 'zh-CN-deals-board');
    await page.getByTestId('new-deal').click();
    await pickOption(page, '客户', customer.slice(2, 6), customer);
    await page.locator('input#name').fill('E2E 年度框架采购');
    await page.locator('input#amountCents').fill('120000');
    await page.getByRole('button', { name: '添加成员' }).click();
    const second = page.getByTestId('share-row').nth(1);
    await second.locator('.ant-select').first().click();
    await page.keyboard.type(colleague);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: colleague })
      .first()
      .click();
    await second.getByLabel('比例').fill('30');
    await page.getByTestId('drawer-save').click();
    await page.getByText('份额合计为 130%，必须正好等于 100%').waitFor();
    await expect(page.locator('input#name').inputValue()).resolves.toBe('E2E 年度框架采购');
    await screenshot(page, 'zh-CN-deal-team-refused');

    await page.getByTestId('share-row').nth(0).getByLabel('比例').fill('70');
    await page.getByTestId('drawer-save').click();
    await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
    const deals = await rep.get<{ items: Array<{ name: string; team: Array<{ sharePct: number }> }> }>(
      `/api/v1/deals?q=${encodeURIComponent('E2E 年度框架采购')}`,
    );
    expect(deals.items.map((d) => d.team.map((m) => m.sharePct).sort())).toEqual([[30, 70]]);
    await page.context().close();
  });

  it("cannot open another rep's customer by its URL", async () => {
    const admin = await e2e.apiAs('admin@pacer.demo');
    const rep = await e2e.apiAs('rep@pacer.demo');
    const all = await admin.get<{ items: Array<{ id: string; ownerId: string }> }>('/api/v1/customers?limit=500');
    const theirs = all.items.find((c) => c.ownerId !== rep.me.personId);
    expect(theirs).toBeDefined();
    const page = await pageFor('rep@pacer.demo');
    await page.goto(`/customers/${theirs?.id}`);
    await page.getByText('该客户不存在，或不在您的负责范围内。').waitFor();
    await page.context().close();
  });
});

describe('import wizard', () => {
  it('shows the bad row of a file, then imports the good rows with the bad one skipped', async () => {
    const admin = await e2e.apiAs('admin@pacer.demo');
    const header = (await admin.getText('/api/v1/customers/template?format=csv&lang=zh-CN'))
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0];
    expect(header).toContain('客户等级');
    const csv = `${header}\r\nE2E-IMP-1,E2E导入客户甲,A,,制造业,上海\r\nE2E-IMP-2,E2E导入客户乙,Z,,制造业,上海\r\n`;
    const page = await pageFor('admin@pacer.demo');
    await page.goto('/import');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('customers.csv').waitFor();
    await page.getByTestId('import-check').click();
    const issues = page.getByTestId('import-issues');
    await issues.waitFor();
    const row = issues.locator('.ant-table-row').first();
    await expect(row.innerText()).resolves.toMatch(/3\s+客户等级/);
    await screenshot(page, 'zh-CN-import-dry-run');
    await page.getByTestId('import-skip-invalid').click();
    await page.getByTestId('import-commit').click();
    await page.getByText('新增 1 条，更新 0 条，无变化 0 条，跳过 1 行').waitFor();
    const imported = await admin.get<{ items: Array<{ name: string }> }>(
      `/api/v1/customers?q=${encodeURIComponent('E2E导入客户')}`,
    );
    expect(imported.items.map((c) => c.name)).toEqual(['E2E导入客户甲']);
    await page.context().close();
  });
});

describe('languages', () => {
  it('starts in English for an English browser, switches to Chinese and remembers it', async () => {
    const page = await pageFor('manager@pacer.demo', 'en-US');
    expect((await menuItems(page)).slice(0, 2)).toEqual(['My performance', 'My customers']);
    await page.goto('/customers');
    await page.getByRole('heading', { name: 'My customers' }).waitFor();
    await screenshot(page, 'en-customers');
    await page.goto('/deals');
    await screenshot(page, 'en-deals-board');
    await page.goto('/activities');
    await screenshot(page, 'en-activities');
    await page.getByTestId('lang-switch').click();
    expect((await menuItems(page)).slice(0, 2)).toEqual(['我的绩效', '我的客户']);
    await page.reload();
    await page.getByTestId('side-menu').waitFor();
    expect((await menuItems(page)).slice(0, 2)).toEqual(['我的绩效', '我的客户']);
    await screenshot(page, 'zh-CN-activities');
    await page.getByTestId('lang-switch').click();
    await page.goto('/team/customers');
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'en-team-customers');
    await page.locator('.ant-table-row a').first().click();
    await page.getByRole('tab', { name: /Contacts/ }).waitFor();
    await screenshot(page, 'en-customer-detail');
    await page.context().close();
  });

  it('shows the main screens in Chinese', async () => {
    const page = await pageFor('admin@pacer.demo');
    await page.goto('/team/customers');
    await page.locator('.ant-table-row a').first().click();
    await page.getByRole('tab', { name: /联系人/ }).waitFor();
    await screenshot(page, 'zh-CN-customer-detail');
    await page.goto('/team/contracts');
    await page.locator('.ant-table-row a').first().click();
    await page.getByText('回款计划').first().waitFor();
    await screenshot(page, 'zh-CN-contract-detail');
    await page.goto('/knowledge');
    await screenshot(page, 'zh-CN-knowledge');
    await page.goto('/admin/org');
    await screenshot(page, 'zh-CN-org');
    await page.context().close();
    const login = await e2e.newPage();
    await login.goto('/login');
    await screenshot(login, 'zh-CN-login');
    await login.context().close();
  });
});
