import type { RecordOf } from '../../api/records.ts';

// The targets grid's rows: org units as a tree, a team's people under it.

type Unit = RecordOf<'org-units'>;
type Person = RecordOf<'people'>;

export type TargetRow = {
  key: string;
  subject: string;
  kind: 'unit' | 'person';
  id: string;
  name: string;
  unitKind?: string | null;
  children?: TargetRow[];
};

export function buildTargetTree(units: readonly Unit[], people: readonly Person[]): TargetRow[] {
  const rows = new Map<string, TargetRow>(
    [...units]
      .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || String(a.name).localeCompare(String(b.name)))
      .map((u) => [
        u.id,
        {
          key: `unit:${u.id}`,
          subject: `unit:${u.id}`,
          kind: 'unit',
          id: u.id,
          name: u.name ?? u.id,
          unitKind: u.kind,
        },
      ]),
  );
  const roots: TargetRow[] = [];
  for (const row of rows.values()) {
    const unit = units.find((u) => u.id === row.id);
    const parent = unit?.parentId ? rows.get(unit.parentId) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), row];
    else roots.push(row);
  }
  for (const p of people) {
    if (p.leftOn || !p.unitId) continue;
    const parent = rows.get(p.unitId);
    if (!parent || parent.children?.some((c) => c.kind === 'unit')) continue;
    parent.children = [
      ...(parent.children ?? []),
      { key: `person:${p.id}`, subject: `person:${p.id}`, kind: 'person', id: p.id, name: p.name ?? p.id },
    ];
  }
  return roots;
}

/** The rows on screen: the roots and the children of every expanded row. */
export function visibleRows(roots: readonly TargetRow[], expanded: ReadonlySet<string>): TargetRow[] {
  const out: TargetRow[] = [];
  const walk = (rows: readonly TargetRow[]) => {
    for (const r of rows) {
      out.push(r);
      if (r.children && expanded.has(r.key)) walk(r.children);
    }
  };
  walk(roots);
  return out;
}
