import {
  activityKind,
  knowledgePostKind,
  knowledgeVoteKind,
  peerRatingKind,
  proposalKind,
  surveyKind,
} from './activity-kinds.ts';
import type { KindName, RecordKind } from './field.ts';
import { calendarDayKind, membershipKind, orgUnitKind, personKind, positionKind } from './org-kinds.ts';
import { disputeKind, schemeFeedbackKind } from './performance-kinds.ts';
import { contactKind, contractKind, customerKind, dealKind, installmentKind, paymentKind } from './sales-kinds.ts';
import { auditLogKind, usageEventKind } from './system-kinds.ts';

/**
 * Every record kind, in the order an import of a whole company follows (references first).
 * Org units and people refer to each other (unit manager, person's unit): import units without
 * managers, then people, then the units again with managers (upserts by externalId make it safe).
 */
export const recordKinds: readonly RecordKind[] = [
  positionKind,
  orgUnitKind,
  personKind,
  membershipKind,
  calendarDayKind,
  customerKind,
  contactKind,
  dealKind,
  contractKind,
  installmentKind,
  paymentKind,
  activityKind,
  proposalKind,
  surveyKind,
  knowledgePostKind,
  knowledgeVoteKind,
  peerRatingKind,
  disputeKind,
  schemeFeedbackKind,
  usageEventKind,
  auditLogKind,
];

const byName = new Map(recordKinds.map((k) => [k.name, k]));
const byPath = new Map(recordKinds.map((k) => [k.path, k]));

export function kindByName(name: KindName): RecordKind {
  const kind = byName.get(name);
  if (!kind) throw new Error(`unknown record kind ${name}`);
  return kind;
}

export function kindByPath(path: string): RecordKind | undefined {
  return byPath.get(path);
}
