import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, screenshot } from './support/browser.ts';
import { e2eSuite } from './support/e2e.ts';

// The performance screens a director runs the year with: custom metrics, scorecards, the scheme
// editor and its trial run, target decomposition, and period close; in both languages.

const e2e = e2eSuite();

/** The <input> of an antd number field, wherever antd puts the test id (the input or its wrapper). */
function numberInput(scope: Page | Locator, testId: string, isPrefix = false): Locator {
  const match = isPrefix ? `[data-testid^="${testId}"]` : `[data-testid="${testId}"]`;
  return scope.locator(`input${match}, ${match} input`).first();
}

const { pageFor } = e2e;

describe('custom metrics', () => {
  it('shows a formula error under the formula, previews the fixed one on live data, saves it, and lists it in my metrics', async () => {
    const page = await pageFor('admin@pacer.demo');
    await page.goto('/admin/custom-metrics');
    await page.getByTestId('cm-new').click();
    const form = page.getByTestId('cm-form');
    await form.locator('input#key').fill('amount_per_follow_up');
    await form.locator('input[id="name_zh-CN"]').fill('单次跟进签约额');
    await form.locator('input#name_en').fill('Signed per follow-up');
    await chooseOption(page, '#unit', '金额（元）');
    await page.getByTestId('cm-formula').fill('signed_amount / (follow_ups +');
    await page.getByTestId('cm-preview-run').click();
    const error = page.getByTestId('formula-error');
    await error.getByText('公式第 30 个字符处：这里应是数字、指标或左括号“(”', { exact: false }).waitFor();
    await expect(page.getByTestId('formula-caret').textContent()).resolves.toBe(
      'signed_amount / (follow_ups +\n                             ^',
    );
    await screenshot(page, 'zh-CN-custom-metric-formula-error');

    await page.getByTestId('cm-formula').fill('signed_amount / max(follow_ups, 1)');
    await error.waitFor({ state: 'detached' });
    await page.getByTestId('cm-preview-run').click();
    const preview = page.getByTestId('cm-preview');
    await preview.getByText('公司', { exact: true }).waitFor();
    await expect(preview.getByTestId('preview-tenant').textContent()).resolves.toMatch(/¥/);
    await expect(preview.getByText('部门').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'zh-CN-custom-metric-preview');

    await page.getByTestId('cm-save').click();
    await page.getByTestId('cm-table').getByText('单次跟进签约额').waitFor();
    await screenshot(page, 'zh-CN-custom-metrics');

    await page.goto('/my-metrics');
    await page.getByTestId('metrics-table').getByText('单次跟进签约额').waitFor();
    await page.getByTestId('value-amount_per_follow_up-tenant').waitFor();
    await page.context().close();

    const en = await pageFor('admin@pacer.demo', 'en-US');
    await en.goto('/admin/custom-metrics');
    await en.getByTestId('cm-table').getByText('Signed per follow-up').waitFor();
    await screenshot(en, 'en-custom-metrics');
    await en.getByTestId('cm-edit-amount_per_follow_up').click();
    await en.getByTestId('cm-formula').fill('signed_amount / max(follow_ups');
    await en.getByTestId('cm-save').click();
    await en.getByTestId('formula-error').getByText("Formula, character 31: A ')' is missing").waitFor();
    await screenshot(en, 'en-custom-metric-formula-error');
    await en.context().close();
  });
});

describe('custom metrics defined by aggregate', () => {
  it('counts big contracts with a filter, and refuses to delete a metric a formula uses, saying which', async () => {
    const page = await pageFor('admin@pacer.demo');
    await page.goto('/admin/custom-metrics');
    await page.getByTestId('cm-new').click();
    const form = page.getByTestId('cm-form');
    await form.locator('input#key').fill('big_contracts');
    await form.locator('input[id="name_zh-CN"]').fill('大额合同数');
    await form.locator('input#name_en').fill('Big contracts');
    await page.getByTestId('cm-kind').getByText('聚合').click();
    await chooseOption(page, '#definition_source', /^合同$/);
    await chooseOption(page, '#definition_aggregate', /^计数$/);
    await chooseOption(page, '#definition_dateField', '签约日期');
    await chooseOption(page, '#definition_credit', '按业绩分成');
    await form.getByText('添加条件').click();
    await chooseOption(page, '#definition_filters_0_field', '合同金额');
    await chooseOption(page, '#definition_filters_0_op', /^>=$/);
    await form.locator('#definition_filters_0_value').fill('100000');
    await page.getByTestId('cm-preview-run').click();
    await expect(page.getByTestId('preview-tenant').textContent()).resolves.toMatch(/^\d+(\.\d+)?$/);
    await screenshot(page, 'zh-CN-custom-metric-aggregate');
    await page.getByTestId('cm-save').click();
    await page.getByTestId('cm-table').getByText('大额合同数').waitFor();

    await page.getByTestId('cm-new').click();
    await form.locator('input#key').fill('big_contract_share');
    await form.locator('input[id="name_zh-CN"]').fill('大额合同占比');
    await form.locator('input#name_en').fill('Big contract share');
    await page.getByTestId('cm-formula').fill('big_contracts / max(new_customers, 1)');
    await page.getByTestId('cm-save').click();
    await page.getByTestId('cm-table').getByText('大额合同占比').waitFor();

    await page.getByTestId('cm-delete-big_contracts').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page
      .getByTestId('cm-delete-error')
      .getByText('仍有 1 个自定义指标的公式在使用它（big_contract_share）', { exact: false })
      .waitFor();
    await expect(page.getByTestId('cm-table').getByText('大额合同数').count()).resolves.toBe(1);
    await screenshot(page, 'zh-CN-custom-metric-in-use');
    await page.context().close();
  });
});

describe('scorecards', () => {
  it('shows a rep their scorecard, each actual opening its records', async () => {
    const page = await pageFor('rep@pacer.demo');
    await page.goto('/scorecard');
    const card = page.getByTestId('scorecard');
    await card.waitFor();
    await expect(page.getByTestId('scorecard-total').textContent()).resolves.toMatch(/\d/);
    await page.getByTestId('scorecard-rating').waitFor();
    await screenshot(page, 'zh-CN-scorecard');
    await page.getByTestId('scorecard-items').locator('[data-testid^="actual-"]').first().click();
    await page.getByTestId('explain-drawer').getByTestId('explain-value').waitFor();
    await screenshot(page, 'zh-CN-scorecard-explain');
    await page.context().close();

    const en = await pageFor('rep@pacer.demo', 'en-US');
    await en.goto('/scorecard?period=2026-Q3');
    await en.getByTestId('scorecard').getByText('2026-Q3', { exact: false }).waitFor();
    await en.getByTestId('scorecard-items').getByRole('columnheader', { name: 'Attainment' }).waitFor();
    await screenshot(en, 'en-scorecard');
    await en.context().close();
  });
});

describe('scheme editor', () => {
  it('refuses a weight total other than 100 with the reason, saves the fixed draft and runs a trial', async () => {
    const page = await pageFor('admin@pacer.demo');
    await page.goto('/admin/schemes');
    await page.getByTestId('scheme-positions').getByText('新客开发考核方案').click();
    await page.getByTestId('new-draft').click();
    const editor = page.getByTestId('version-editor');
    await editor.getByText('草稿').waitFor();
    await numberInput(page, 'weight-0').fill('50');
    await page.getByTestId('weight-total').getByText('权重合计 110 / 100').waitFor();
    await page.getByTestId('draft-save').click();
    await page.getByTestId('draft-errors').getByText('权重合计为 110，必须正好等于 100').waitFor();
    await screenshot(page, 'zh-CN-scheme-weights-refused');

    await numberInput(page, 'weight-1').fill('10');
    await page.getByTestId('weight-total').getByText('权重合计 100 / 100').waitFor();
    await page.getByTestId('draft-save').click();
    await page.getByText('草稿已保存').waitFor();
    await expect(page.getByTestId('draft-errors').count()).resolves.toBe(0);

    await page.getByTestId('trial-run').click();
    const trial = page.getByTestId('trial-table');
    await trial.waitFor();
    const diffs = (await trial.getByTestId('trial-diff').allTextContents()).map((d) => Number(d.replace(/[+,]/g, '')));
    expect(diffs.length).toBeGreaterThan(3);
    expect([...diffs].sort((a, b) => b - a)).toEqual(diffs);
    await screenshot(page, 'zh-CN-scheme-trial');
    await page.context().close();

    const en = await pageFor('admin@pacer.demo', 'en-US');
    await en.goto('/admin/schemes');
    await en.getByTestId('version-editor').getByText('Weights 100 / 100').waitFor();
    await screenshot(en, 'en-schemes');
    await en.context().close();
  });
});

describe('targets', () => {
  it("sets a team's target inline, previews its decomposition, refuses locks above the whole, and applies it", async () => {
    const admin = await e2e.apiAs('admin@pacer.demo');
    const team = (
      await admin.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/org-units?limit=100')
    ).items.find((u) => u.name === '北京一组') as { id: string };
    const subject = `unit:${team.id}`;
    const page = await pageFor('admin@pacer.demo');
    await page.goto('/admin/targets');
    await page.getByTestId(`edit-${subject}`).click();
    await numberInput(page, 'target-value').fill('1200000');
    await page.getByTestId('target-reason').fill('年度规划');
    await page.getByTestId('target-save').click();
    await expect(page.getByTestId(`target-${subject}`).textContent()).resolves.toMatch(/1,200,000/);

    // The team's people show under it once it is opened.
    await page
      .locator('tr', { has: page.getByTestId(`target-${subject}`) })
      .locator('.ant-table-row-expand-icon')
      .click();
    await page.getByTestId(`decompose-${subject}`).click();
    const drawer = page.getByTestId('decompose-drawer');
    await page.getByTestId('decompose-preview').click();
    await drawer.getByTestId('decompose-sum').getByText('各部分合计 ¥1,200,000.00', { exact: false }).waitFor();
    await screenshot(page, 'zh-CN-targets-decompose-preview');

    const firstLock = drawer.locator('[data-testid^="lock-"]').first();
    await firstLock.check();
    await numberInput(drawer, 'lockvalue-', true).fill('2000000');
    await page.getByTestId('decompose-preview').click();
    await drawer.getByTestId('decompose-error').getByText('超过了总目标', { exact: false }).waitFor();
    await screenshot(page, 'zh-CN-targets-decompose-refused');

    await numberInput(drawer, 'lockvalue-', true).fill('300000');
    await page.getByTestId('decompose-preview').click();
    await drawer.getByTestId('decompose-sum').waitFor();
    await page.getByTestId('decompose-apply').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.locator('[data-testid^="locked-person:"]').first().waitFor();
    await page.locator(`[data-testid^="pace-person:"]`).first().waitFor();
    await screenshot(page, 'zh-CN-targets');
    await page.context().close();

    const en = await pageFor('admin@pacer.demo', 'en-US');
    await en.goto('/admin/targets');
    await en.getByTestId(`target-${subject}`).getByText('1,200,000', { exact: false }).waitFor();
    await screenshot(en, 'en-targets');
    await en.getByTestId(`decompose-${subject}`).click();
    await en.getByTestId('decompose-preview').click();
    await en.getByTestId('decompose-sum').waitFor();
    // The person locked by the decomposition above starts locked at their value.
    await en.getByTestId('decompose-drawer').getByText('Locked', { exact: true }).waitFor();
    await screenshot(en, 'en-targets-decompose-preview');
    await en.context().close();
  });
});

describe('period close', () => {
  it('closes a period (the scorecard shows it frozen) and reopens it only with a reason', async () => {
    const page = await pageFor('admin@pacer.demo');
    await page.goto('/admin/period-close');
    const status = page.getByTestId('period-status');
    await expect(status.getAttribute('data-status')).resolves.toBe('open');
    await page.getByTestId('period-close').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.locator('[data-testid="period-status"][data-status="closed"]').waitFor();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await screenshot(page, 'zh-CN-period-closed');

    const rep = await e2e.apiAs('rep@pacer.demo');
    await page.goto(`/scorecard?person=${rep.me.personId}&period=2026-10`);
    await page.getByTestId('scorecard-frozen').waitFor();
    await screenshot(page, 'zh-CN-scorecard-frozen');

    await page.goto('/admin/period-close');
    await page.getByTestId('period-reopen').click();
    await page.locator('.ant-modal').getByRole('button', { name: '重新开放' }).click();
    await page.locator('.ant-modal').getByText('请填写原因').waitFor();
    await page.getByTestId('period-reason').fill('补录十月回款');
    await page.locator('.ant-modal').getByRole('button', { name: '重新开放' }).click();
    await page.locator('[data-testid="period-status"][data-status="reopened"]').waitFor();
    await page.getByTestId('period-card').getByText('补录十月回款').waitFor();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await screenshot(page, 'zh-CN-period-reopened');
    await page.context().close();

    const en = await pageFor('admin@pacer.demo', 'en-US');
    await en.goto('/admin/period-close');
    await en.getByTestId('period-card').getByText('Reopened').waitFor();
    await screenshot(en, 'en-period-close');
    await en.context().close();
  });
});
