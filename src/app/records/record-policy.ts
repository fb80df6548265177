import type { Role } from '../../db/repositories/record-scopes.ts';
import type { KindName, RecordKind } from '../../domain/records/field.ts';
import type { Actor } from '../context.ts';
import { ForbiddenError } from '../errors.ts';

// Which roles may write which record kinds; the data scope then limits which rows.
const ALL: Role[] = ['admin', 'manager', 'rep', 'finance'];
const SALES: Role[] = ['admin', 'manager', 'rep'];

const writers: Record<KindName, Role[]> = {
  orgUnits: ['admin'],
  positions: ['admin'],
  people: ['admin'],
  memberships: ['admin'],
  calendarDays: ['admin'],
  customers: SALES,
  contacts: SALES,
  deals: SALES,
  contracts: ['admin', 'manager', 'rep', 'finance'],
  installments: ['admin', 'manager', 'rep', 'finance'],
  payments: ['admin', 'manager', 'finance'],
  activities: SALES,
  proposals: SALES,
  // Satisfaction comes from customers: entered by admins or managers, never by the rated rep.
  surveys: ['admin', 'manager'],
  knowledgePosts: ALL,
  knowledgeVotes: ALL,
  peerRatings: ALL,
  disputes: ALL,
  schemeFeedback: ALL,
  usageEvents: [],
  auditLog: [],
};

export function canWrite(kind: RecordKind, role: Role): boolean {
  return !kind.isReadOnly && writers[kind.name].includes(role);
}

export function assertCanWrite(kind: RecordKind, actor: Actor): void {
  if (!canWrite(kind, actor.role)) throw new ForbiddenError(`role ${actor.role} may not write ${kind.name}`);
}
