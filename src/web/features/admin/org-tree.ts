import type { RecordOf } from '../../api/records.ts';

type Unit = RecordOf<'org-units'>;
type TreeNode = { key: string; title: string; children: TreeNode[] };

export function buildOrgTree(units: readonly Unit[], kindLabel: (kind: string | null) => string): TreeNode[] {
  const nodes = new Map(
    units.map((u) => [u.id, { key: u.id, title: `${u.name} · ${kindLabel(u.kind)}`, children: [] as TreeNode[] }]),
  );
  const roots: TreeNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id) as TreeNode;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Where a drop puts the dragged unit: onto a unit = under it; into the gap beside one = under its parent. */
export function dropParent(units: readonly Unit[], targetId: string, isGap: boolean): string | null {
  if (!isGap) return targetId;
  return units.find((u) => u.id === targetId)?.parentId ?? null;
}
