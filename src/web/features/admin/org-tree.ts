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

export type DropWhere = 'before' | 'after' | 'inside';

/** antd's drop: onto the node itself, or into the gap above or below it. */
export function dropWhere(isGap: boolean, relativePosition: number): DropWhere {
  if (!isGap) return 'inside';
  return relativePosition < 0 ? 'before' : 'after';
}

export type DropPlan = {
  parentId: string | null;
  /** The units whose parent or place among their siblings changes, with their new sortOrder. */
  changes: Array<{ id: string; sortOrder: number; parentId?: string | null }>;
};

// Stable: ties keep the order the tree shows them in (the server's list order).
const bySortOrder = (a: Unit, b: Unit) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0);

/**
 * Where a dragged unit lands and the sibling order that follows: the new siblings are numbered
 * 0, 1, 2... in their shown order, and only units whose number (or parent) changes are written.
 * Dropped onto a unit, it becomes that unit's first child (antd's own convention: the gap above an
 * open unit's first child is a drop onto that unit).
 */
export function planDrop(units: readonly Unit[], draggedId: string, targetId: string, where: DropWhere): DropPlan {
  const dragged = units.find((u) => u.id === draggedId);
  const parentId = dropParent(units, targetId, where !== 'inside');
  if (!dragged) return { parentId, changes: [] };
  const siblings = units.filter((u) => (u.parentId ?? null) === parentId && u.id !== draggedId).sort(bySortOrder);
  const at = where === 'inside' ? 0 : siblings.findIndex((u) => u.id === targetId) + (where === 'after' ? 1 : 0);
  const order = [...siblings.slice(0, at), dragged, ...siblings.slice(at)];
  const isMove = (dragged.parentId ?? null) !== parentId;
  const changes = order.flatMap((u, sortOrder) => {
    if (u.id === draggedId && isMove) return [{ id: u.id, sortOrder, parentId }];
    return (u.sortOrder ?? 0) === sortOrder ? [] : [{ id: u.id, sortOrder }];
  });
  return { parentId, changes };
}
