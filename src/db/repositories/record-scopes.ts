import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { KindName } from '../../domain/records/field.ts';

// Data scopes (who sees which rows) as SQL, applied by the repositories to every read and
// re-checked after every write. A rep sees their own records, a manager the people of the units
// they head (and those units' descendants), admin and finance the whole tenant. The tenant filter
// itself is added separately by every repository query.

export type Role = 'admin' | 'manager' | 'rep' | 'finance';

export type AccessScope = {
  tenantId: string;
  role: Role;
  userId: string | null;
  personId: string | null;
  /** Materialised paths of the units a manager heads; descendants match by prefix. */
  managedUnitPaths: string[];
  /** Tenant-local today: memberships active on this date decide a manager's people. */
  today: string;
};

// biome-ignore lint/suspicious/noExplicitAny: scopes are built for every table generically
type Eb = ExpressionBuilder<any, any>;
type Cond = Expression<SqlBool>;

const never = (): Cond => sql<SqlBool>`1 = 0`;

export const seesWholeTenant = (scope: AccessScope) => scope.role === 'admin' || scope.role === 'finance';

/** `column in (the people this scope sees)`, or undefined when the scope sees everyone. */
export function inVisiblePeople(eb: Eb, scope: AccessScope, column: string): Cond | undefined {
  if (seesWholeTenant(scope)) return undefined;
  if (scope.role === 'rep' || scope.managedUnitPaths.length === 0) {
    return scope.personId ? eb(eb.ref(column), '=', scope.personId) : never();
  }
  const members = eb
    .selectFrom('memberships as m')
    .innerJoin('orgUnits as u', (j) => j.onRef('u.tenantId', '=', 'm.tenantId').onRef('u.id', '=', 'm.unitId'))
    .select('m.personId')
    .where('m.tenantId', '=', scope.tenantId)
    .where('m.startOn', '<=', scope.today)
    .where((w) => w.or([w('m.endOn', 'is', null), w('m.endOn', '>=', scope.today)]))
    .where((w) => w.or(scope.managedUnitPaths.map((p) => w('u.path', 'like', `${p}%`))));
  const conds = [eb(eb.ref(column), 'in', members)];
  if (scope.personId) conds.push(eb(eb.ref(column), '=', scope.personId));
  return eb.or(conds);
}

function contractScope(eb: Eb, scope: AccessScope, idColumn: string): Cond | undefined {
  const owner = inVisiblePeople(eb, scope, 'c.ownerId');
  if (!owner) return undefined;
  const credited = inVisiblePeople(eb, scope, 's.personId') ?? never();
  return eb(
    eb.ref(idColumn),
    'in',
    eb
      .selectFrom('contracts as c')
      .select('c.id')
      .where('c.tenantId', '=', scope.tenantId)
      .where((w) =>
        w.or([
          owner,
          w.exists(
            w
              .selectFrom('contractSplits as s')
              .select('s.personId')
              .whereRef('s.tenantId', '=', 'c.tenantId')
              .whereRef('s.contractId', '=', 'c.id')
              .where(() => credited),
          ),
        ]),
      ),
  );
}

/** Rows of `kind` (aliased as `t`) this scope may read; undefined = no restriction beyond tenant. */
export function readScope(eb: Eb, kind: KindName, scope: AccessScope): Cond | undefined {
  switch (kind) {
    case 'customers':
      return inVisiblePeople(eb, scope, 't.ownerId');
    case 'contacts': {
      const owner = inVisiblePeople(eb, scope, 'cu.ownerId');
      if (!owner) return undefined;
      return eb(
        't.customerId',
        'in',
        eb
          .selectFrom('customers as cu')
          .select('cu.id')
          .where('cu.tenantId', '=', scope.tenantId)
          .where(() => owner),
      );
    }
    case 'deals': {
      const owner = inVisiblePeople(eb, scope, 't.ownerId');
      if (!owner) return undefined;
      const member = inVisiblePeople(eb, scope, 'dm.personId') ?? never();
      return eb.or([
        owner,
        eb(
          't.id',
          'in',
          eb
            .selectFrom('dealMembers as dm')
            .select('dm.dealId')
            .where('dm.tenantId', '=', scope.tenantId)
            .where(() => member),
        ),
      ]);
    }
    case 'contracts':
      return contractScope(eb, scope, 't.id');
    case 'installments':
    case 'payments':
      return contractScope(eb, scope, 't.contractId');
    case 'activities':
    case 'proposals':
    case 'surveys':
    case 'usageEvents':
      return inVisiblePeople(eb, scope, 't.personId');
    case 'peerRatings': {
      if (scope.role === 'rep') return scope.personId ? eb('t.raterId', '=', scope.personId) : never();
      const rater = inVisiblePeople(eb, scope, 't.raterId');
      const ratee = inVisiblePeople(eb, scope, 't.rateeId');
      return rater && ratee ? eb.or([rater, ratee]) : undefined;
    }
    case 'auditLog':
      return scope.role === 'admin' ? undefined : never();
    case 'disputes': {
      // The raiser's chain sees it, and so does its owner.
      const raiser = inVisiblePeople(eb, scope, 't.personId');
      return raiser && scope.personId ? eb.or([raiser, eb('t.ownerId', '=', scope.personId)]) : raiser;
    }
    case 'schemeFeedback':
      return inVisiblePeople(eb, scope, 't.personId');
    case 'orgUnits':
    case 'positions':
    case 'people':
    case 'memberships':
    case 'calendarDays':
    case 'knowledgePosts':
    case 'knowledgeVotes':
      return undefined;
  }
}

/** Rows this scope may create or change: its read scope, narrowed to one's own posts, votes and ratings. */
export function writeScope(eb: Eb, kind: KindName, scope: AccessScope): Cond | undefined {
  switch (kind) {
    case 'knowledgePosts':
      return inVisiblePeople(eb, scope, 't.authorId');
    case 'knowledgeVotes':
      return scope.role === 'admin' ? undefined : scope.personId ? eb('t.voterId', '=', scope.personId) : never();
    case 'peerRatings':
      return scope.role === 'admin' ? undefined : scope.personId ? eb('t.raterId', '=', scope.personId) : never();
    default:
      return readScope(eb, kind, scope);
  }
}
