import { describe, expect, it } from 'vitest';
import type { RecordOf } from '../../src/web/api/records.ts';
import { dropWhere, planDrop } from '../../src/web/features/admin/org-tree.ts';

// Dragging a unit in the org tree keeps the order of siblings (sortOrder): worked out by hand.

const unit = (id: string, parentId: string | null, sortOrder: number) =>
  ({ id, name: id, parentId, sortOrder }) as RecordOf<'org-units'>;
const units = [
  unit('co', null, 0),
  unit('east', 'co', 0),
  unit('south', 'co', 1),
  unit('sh1', 'east', 0),
  unit('sh2', 'east', 1),
  unit('hz', 'east', 2),
  unit('gz', 'south', 0),
];

describe('dropWhere', () => {
  it.each([
    [false, 0, 'inside'],
    [true, -1, 'before'],
    [true, 1, 'after'],
  ] as const)('gap %s, position %i -> %s', (isGap, position, where) => expect(dropWhere(isGap, position)).toBe(where));
});

describe('planDrop', () => {
  it.each([
    [
      'hz above sh1: first among its siblings, the others shift down',
      'hz',
      'sh1',
      'before',
      'east',
      [
        { id: 'hz', sortOrder: 0 },
        { id: 'sh1', sortOrder: 1 },
        { id: 'sh2', sortOrder: 2 },
      ],
    ],
    [
      'sh1 below sh2: swapped',
      'sh1',
      'sh2',
      'after',
      'east',
      [
        { id: 'sh2', sortOrder: 0 },
        { id: 'sh1', sortOrder: 1 },
      ],
    ],
    ['sh2 below sh1: where it is already, nothing written', 'sh2', 'sh1', 'after', 'east', []],
    [
      'hz onto south: its first child, under a new parent; gz moves down',
      'hz',
      'south',
      'inside',
      'south',
      [
        { id: 'hz', sortOrder: 0, parentId: 'south' },
        { id: 'gz', sortOrder: 1 },
      ],
    ],
    [
      'hz above gz: first under south; gz moves down',
      'hz',
      'gz',
      'before',
      'south',
      [
        { id: 'hz', sortOrder: 0, parentId: 'south' },
        { id: 'gz', sortOrder: 1 },
      ],
    ],
    [
      'south above east: the regions swap',
      'south',
      'east',
      'before',
      'co',
      [
        { id: 'south', sortOrder: 0 },
        { id: 'east', sortOrder: 1 },
      ],
    ],
  ] as const)('%s', (_case, dragged, target, where, parentId, changes) => {
    expect(planDrop(units, dragged, target, where)).toEqual({ parentId, changes });
  });
});
