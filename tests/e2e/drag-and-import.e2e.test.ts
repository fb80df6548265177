import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { e2eSuite } from './support/e2e.ts';

// Dragging on two boards: a deal card to another stage of the pipeline, and an org unit above
// its sibling (the order is saved as the units' sortOrder); and an import whose bar follows the
// server's job, not only the upload.

const e2e = e2eSuite();

const { pageFor } = e2e;

type Deal = { id: string; name: string; stage: string };
type Unit = { id: string; name: string; parentId: string | null; sortOrder: number; kind: string };

describe('the deal board', () => {
  it('moves a deal to another stage when its card is dragged onto that column', async () => {
    const rep = await e2e.apiAs('rep@pacer.demo');
    const open = (await rep.get<{ items: Deal[] }>('/api/v1/deals?stage=lead&limit=50')).items;
    const deal = open[0] as Deal;
    expect(deal).toBeDefined();

    const page = await pageFor('rep@pacer.demo');
    await page.goto('/deals');
    const card = page.locator(`[data-testid="deal-card"][data-deal-id="${deal.id}"]`);
    await card.waitFor();
    await card.dragTo(page.locator('[data-stage="proposal"]'));
    await page.getByText(`“${deal.name}”已移至方案报价`).waitFor();
    await page.locator('[data-stage="proposal"]').locator(`[data-deal-id="${deal.id}"]`).waitFor();
    expect((await rep.get<Deal>(`/api/v1/deals/${deal.id}`)).stage).toBe('proposal');
    await screenshot(page, 'zh-CN-deal-board-dragged');
    await page.context().close();
  });
});

/** Drags a tree node into the upper half of another: antd puts it just above that node. */
async function dragAbove(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag: a node is not on screen');
  const x = from.x + from.width / 2;
  await page.mouse.move(x, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, from.y + from.height / 2 - 5, { steps: 4 });
  await page.mouse.move(x, to.y + 3, { steps: 12 });
  await page.mouse.up();
}

describe('the org tree', () => {
  it('saves the order of sibling units when one is dragged above another', async () => {
    const admin = await e2e.apiAs('admin@pacer.demo');
    const units = (await admin.get<{ items: Unit[] }>('/api/v1/org-units?limit=500&sort=sortOrder')).items;
    // The first region with at least two teams: its first two teams, in their shown order.
    const parent = units.find((p) => units.filter((u) => u.parentId === p.id && u.kind === 'team').length >= 2);
    const [first, second] = units.filter((u) => u.parentId === parent?.id);
    expect(first && second).toBeTruthy();

    const page = await pageFor('admin@pacer.demo');
    await page.goto('/admin/org');
    const node = (name: string) =>
      page.getByTestId('org-tree').locator('.ant-tree-node-content-wrapper', { hasText: name });
    await node(String(second?.name)).waitFor();
    await dragAbove(page, node(String(second?.name)), node(String(first?.name)));
    await page.getByText(`已调整“${second?.name}”在同级单位中的顺序`).waitFor();
    const after = (await admin.get<{ items: Unit[] }>('/api/v1/org-units?limit=500&sort=sortOrder')).items;
    const siblings = after.filter((u) => u.parentId === parent?.id).map((u) => u.name);
    expect(siblings.slice(0, 2)).toEqual([second?.name, first?.name]);
    expect(after.find((u) => u.id === second?.id)?.parentId).toBe(parent?.id);

    await page.reload();
    await node(String(first?.name)).waitFor();
    const shown = await page.getByTestId('org-tree').locator('.ant-tree-title').allInnerTexts();
    const at = (name: string | undefined) => shown.findIndex((text) => text.startsWith(`${name} ·`));
    expect(at(second?.name)).toBeLessThan(at(first?.name));
    await screenshot(page, 'zh-CN-admin-org-reordered');
    await page.context().close();

    const en = await pageFor('admin@pacer.demo', 'en-US');
    await en.goto('/admin/org');
    const enNode = (name: string) =>
      en.getByTestId('org-tree').locator('.ant-tree-node-content-wrapper', { hasText: name });
    await enNode(String(first?.name)).waitFor();
    await dragAbove(en, enNode(String(first?.name)), enNode(String(second?.name)));
    await en.getByText(`${first?.name} now sits in its new place among its siblings`).waitFor();
    await screenshot(en, 'en-admin-org-reordered');
    await en.context().close();
  });
});

describe('the import wizard', () => {
  it('names a job when it uploads, and the server reports that job through to the end', async () => {
    const admin = await e2e.apiAs('admin@pacer.demo');
    const header = (await admin.getText('/api/v1/customers/template?format=csv&lang=zh-CN'))
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0];
    const rows = Array.from({ length: 1_500 }, (_, i) => `E2E-BULK-${i + 1},批量导入客户${i + 1},B,,制造业,上海`);
    const page = await pageFor('admin@pacer.demo');
    const jobIds: string[] = [];
    page.on('request', (r) => {
      const match = /\/customers\/import\?.*jobId=([0-9a-f]+)/.exec(r.url());
      if (match?.[1]) jobIds.push(match[1]);
    });
    await page.goto('/import');
    await page.locator('input[type=file]').setInputFiles({
      name: 'bulk.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\r\n${rows.join('\r\n')}\r\n`),
    });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-dry-run').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByText('新增 1500 条，更新 0 条，无变化 0 条，跳过 0 行').waitFor();
    expect(jobIds).toHaveLength(2); // the dry run and the commit, each its own job
    const commit = await admin.get<{ phase: string; done: number; total: number }>(
      `/api/v1/imports/${jobIds[1]}/progress`,
    );
    expect(commit).toEqual({ jobId: jobIds[1], phase: 'done', done: 1_500, total: 1_500 });
    await page.context().close();
  });
});
