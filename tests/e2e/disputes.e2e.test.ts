import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { e2eSuite } from './support/e2e.ts';

// 申诉 and 参与设计 in the browser: a rep disputes a number of their scorecard, their manager
// decides it from the inbox, the rep reads the outcome; a rep rates an item of a draft scheme and
// the admin reads it in the scheme editor. Both languages.

const e2e = e2eSuite();

const { pageFor } = e2e;

type Dispute = { id: string; status: string; description: string };
type Person = { id: string; name: string; positionId: string | null };

describe('disputes', () => {
  it('a rep disputes a score from the scorecard, the manager decides it, the rep reads the outcome', async () => {
    const repApi = await e2e.apiAs('rep@pacer.demo');
    const managerApi = await e2e.apiAs('manager@pacer.demo');
    const manager = await managerApi.get<Person>(`/api/v1/people/${managerApi.me.personId}`);
    const repPerson = await repApi.get<Person>(`/api/v1/people/${repApi.me.personId}`);
    // An older dispute past its deadline, so the inbox shows one overdue (set up through the API).
    await repApi.send('POST', '/api/v1/disputes', {
      metricId: 'follow_ups',
      periodKey: '2026-10',
      aspect: 'actual',
      shownValue: '41',
      description: '10月的两次拜访没有计入',
      deadlineOn: '2026-11-01',
    });

    const rep = await pageFor('rep@pacer.demo');
    await rep.goto('/scorecard');
    await rep.getByTestId('scorecard').waitFor();
    const button = rep.getByTestId('scorecard-items').locator('[data-testid^="dispute-"]').first();
    const metricId = String(await button.getAttribute('data-testid')).replace('dispute-', '');
    await button.click();
    const form = rep.getByTestId('dispute-form');
    await form.getByText('对哪个数字有异议').waitFor();
    await expect(form.locator('.ant-radio-wrapper-checked').textContent()).resolves.toMatch(/^得分/);
    await rep.getByTestId('dispute-records').fill('HT-2026-0113');
    await rep.getByTestId('dispute-submit').click();
    await form.getByText('必填项').waitFor(); // no reason: refused in the form, nothing sent
    await rep.getByTestId('dispute-why').fill('11月13日签的合同被算到了别人名下');
    await form.getByText('必填项').waitFor({ state: 'detached' });
    await screenshot(rep, 'zh-CN-dispute-raise');
    await rep.getByTestId('dispute-submit').click();
    await rep.getByTestId('dispute-raised').waitFor();

    const mine = (await repApi.get<{ items: Dispute[] }>('/api/v1/disputes?sort=-createdAt')).items;
    const raised = mine.find((d) => d.description === '11月13日签的合同被算到了别人名下');
    expect(raised).toMatchObject({ status: 'open', metricId, aspect: 'score', recordRefs: 'HT-2026-0113' });
    const overdue = mine.find((d) => d.description === '10月的两次拜访没有计入');

    await rep.goto('/disputes');
    const repTable = rep.getByTestId('disputes-table');
    await expect(rep.getByTestId(`status-${raised?.id}`).textContent()).resolves.toBe('处理中');
    await repTable.getByText(manager.name).first().waitFor();
    await screenshot(rep, 'zh-CN-disputes-mine');

    const boss = await pageFor('manager@pacer.demo');
    await boss.goto('/disputes');
    const inbox = boss.getByTestId('disputes-table');
    await inbox.getByText(repPerson.name).first().waitFor();
    const late = boss.getByTestId(`overdue-${overdue?.id}`);
    await expect(late.textContent()).resolves.toContain('已逾期');
    await expect(late.evaluate((el) => getComputedStyle(el).color)).resolves.not.toBe(
      await inbox
        .getByText(repPerson.name)
        .first()
        .evaluate((el) => getComputedStyle(el).color),
    );
    await screenshot(boss, 'zh-CN-disputes-inbox');
    await boss.getByTestId(`resolve-${raised?.id}`).click();
    await boss.getByTestId('resolve-outcome').fill('核实合同 HT-2026-0113 的分成，已改为 100% 计入你名下');
    await boss.getByTestId('resolve-submit').click();
    await boss.getByText('请选择采纳或驳回').waitFor(); // a decision is required
    await boss.getByTestId('resolve-status').getByText('已采纳').click();
    await screenshot(boss, 'zh-CN-dispute-resolve');
    await boss.getByTestId('resolve-submit').click();
    await boss.getByText('处理结果已记录').waitFor();
    await boss.getByTestId(`resolve-${raised?.id}`).waitFor({ state: 'detached' });
    await boss.context().close();

    await rep.reload();
    await expect(rep.getByTestId(`status-${raised?.id}`).textContent()).resolves.toBe('已采纳');
    await repTable.getByText('已改为 100% 计入你名下', { exact: false }).waitFor();
    await screenshot(rep, 'zh-CN-disputes-decided');
    await rep.context().close();

    const en = await pageFor('rep@pacer.demo', 'en-US');
    await en.goto('/disputes');
    await expect(en.getByTestId(`status-${raised?.id}`).textContent()).resolves.toBe('Accepted');
    await en.getByText('Disputes you raised on your numbers', { exact: false }).waitFor();
    await screenshot(en, 'en-disputes-mine');
    await en.goto('/scorecard');
    await en.getByTestId('scorecard-items').locator('[data-testid^="dispute-"]').first().click();
    await en.getByTestId('dispute-form').getByText('Which number do you dispute').waitFor();
    await screenshot(en, 'en-dispute-raise');
    await en.context().close();

    const enBoss = await pageFor('manager@pacer.demo', 'en-US');
    await enBoss.goto('/disputes');
    await expect(enBoss.getByTestId(`overdue-${overdue?.id}`).textContent()).resolves.toContain('Overdue');
    await screenshot(enBoss, 'en-disputes-inbox');
    await enBoss.context().close();
  });
});

describe('scheme feedback', () => {
  it('a rep rates an item of a draft scheme; the admin sees it in the scheme editor', async () => {
    const repApi = await e2e.apiAs('rep@pacer.demo');
    const adminApi = await e2e.apiAs('admin@pacer.demo');
    const repPerson = await repApi.get<Person>(`/api/v1/people/${repApi.me.personId}`);
    type Version = { id: string; version: number; status: string; effectiveFrom: string; items: object[] };
    const schemes =
      await adminApi.get<Array<{ id: string; positionId: string; versions: Version[] }>>('/api/v1/schemes');
    const scheme = schemes.find((s) => s.positionId === repPerson.positionId);
    expect(scheme).toBeDefined();
    const latest = [...(scheme?.versions ?? [])].sort((a, b) => b.version - a.version)[0] as Version;
    // The director's new draft (set up through the API; the scheme editor is tested elsewhere).
    const {
      id: _i,
      version: _v,
      status: _s,
      publishedAt: _p,
      ...definition
    } = latest as Version & {
      publishedAt: unknown;
    };
    const draft = (await adminApi.send('POST', `/api/v1/schemes/${scheme?.id}/versions`, {
      ...definition,
      effectiveFrom: '2026-12-01',
    })) as Version;
    const item = (draft.items[0] as { metricId: string }).metricId;

    const rep = await pageFor('rep@pacer.demo');
    await rep.goto('/scheme-feedback');
    const versions = rep.getByTestId('feedback-versions');
    await versions.getByText(`第 ${draft.version} 版`).waitFor();
    await versions.getByText('草稿').waitFor();
    const card = rep.getByTestId(`feedback-item-${item}`);
    await rep.getByTestId(`feedback-save-${item}`).click();
    await card.getByText('请选择 1–5 星').waitFor();
    await card.locator('.ant-rate-star').nth(1).click(); // two stars
    await rep.getByTestId(`comment-${item}`).fill('目标偏高，新人很难达到');
    await rep.getByTestId(`feedback-save-${item}`).click();
    await card.getByText('已评分').waitFor();
    await screenshot(rep, 'zh-CN-scheme-feedback');
    await rep.context().close();

    const admin = await pageFor('admin@pacer.demo');
    await admin.goto('/admin/schemes');
    const positions = admin.getByTestId('scheme-positions');
    const position = await adminApi.get<{ name: string }>(`/api/v1/positions/${repPerson.positionId}`);
    await positions.getByText(position.name, { exact: true }).click();
    await admin.getByTestId(`version-${draft.version}`).click();
    const panel = admin.getByTestId('feedback-panel');
    await expect(panel.getByTestId(`feedback-count-${item}`).textContent()).resolves.toBe('1');
    await expect(panel.getByTestId(`feedback-average-${item}`).textContent()).resolves.toContain('2.0');
    await panel.locator('.ant-table-row-expand-icon').first().click();
    await panel.getByTestId(`feedback-comment-${item}`).getByText('目标偏高，新人很难达到').waitFor();
    await panel.getByText(repPerson.name).waitFor();
    await screenshot(admin, 'zh-CN-scheme-feedback-director');
    await admin.context().close();

    const en = await pageFor('admin@pacer.demo', 'en-US');
    await en.goto('/admin/schemes');
    await en.getByTestId('scheme-positions').getByText(position.name, { exact: true }).click();
    await en.getByTestId(`version-${draft.version}`).click();
    await en.getByTestId('feedback-panel').getByText('Feedback from the people scored').waitFor();
    await screenshot(en, 'en-scheme-feedback-director');
    await en.context().close();

    const enRep = await pageFor('rep@pacer.demo', 'en-US');
    await enRep.goto('/scheme-feedback');
    await enRep.getByTestId(`feedback-item-${item}`).getByText('Rated').waitFor();
    await screenshot(enRep, 'en-scheme-feedback');
    await enRep.context().close();
  });
});
