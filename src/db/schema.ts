// Row types as Kysely sees them (camelCase through CamelCasePlugin). They never leave src/db.
type Stamped = { createdAt: string; updatedAt: string };
type Owned = { tenantId: string; id: string };
type External = { externalId: string | null };

export type TenantsTable = Stamped & {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  fiscalYearStartMonth: number;
  currency: string;
  settingsJson: string;
};
export type PositionsTable = Owned & External & Stamped & { code: string; name: string };
export type PeopleTable = Owned &
  External &
  Stamped & {
    name: string;
    email: string | null;
    phone: string | null;
    positionId: string | null;
    managerId: string | null;
    hiredOn: string | null;
    leftOn: string | null;
  };
export type OrgUnitsTable = Owned &
  External &
  Stamped & {
    parentId: string | null;
    name: string;
    kind: string;
    managerId: string | null;
    path: string;
    sortOrder: number;
  };
export type MembershipsTable = Owned &
  External &
  Stamped & { personId: string; unitId: string; startOn: string; endOn: string | null };
export type UsersTable = Owned &
  Stamped & {
    email: string;
    passwordHash: string | null;
    role: string;
    personId: string | null;
    displayName: string;
    locale: string | null;
    isDisabled: number;
  };
export type SessionsTable = Owned & { userId: string; csrfToken: string; createdAt: string; expiresAt: string };
export type ApiTokensTable = Owned & {
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
export type CustomersTable = Owned &
  External &
  Stamped & { name: string; grade: string; ownerId: string | null; industry: string | null; region: string | null };
export type ContactsTable = Owned &
  External &
  Stamped & { customerId: string; name: string; title: string | null; phone: string | null; email: string | null };
export type DealsTable = Owned &
  External &
  Stamped & {
    customerId: string;
    name: string;
    amountCents: number;
    stage: string;
    outcome: string;
    createdOn: string;
    closedOn: string | null;
    ownerId: string;
  };
export type DealMembersTable = { tenantId: string; dealId: string; personId: string; role: string; shareBp: number };
export type ContractsTable = Owned &
  External &
  Stamped & {
    customerId: string;
    dealId: string | null;
    ownerId: string;
    title: string;
    amountCents: number;
    signedOn: string;
    startOn: string | null;
    endOn: string | null;
    status: string;
    renewalOf: string | null;
  };
export type ContractSplitsTable = { tenantId: string; contractId: string; personId: string; shareBp: number };
export type InstallmentsTable = Owned & External & Stamped & { contractId: string; dueOn: string; amountCents: number };
export type PaymentsTable = Owned &
  External &
  Stamped & {
    contractId: string;
    receivedOn: string;
    amountCents: number;
    note: string | null;
    exceedsOutstanding: number;
  };
export type ActivitiesTable = Owned &
  External &
  Stamped & {
    personId: string;
    customerId: string | null;
    type: string;
    occurredAt: string;
    occurredOn: string;
    durationMin: number | null;
    notes: string;
    loggedAt: string;
    notesLength: number;
    isLoggedOnTime: number;
  };
export type ProposalsTable = Owned &
  External &
  Stamped & {
    personId: string;
    customerId: string | null;
    dealId: string | null;
    title: string;
    dueOn: string;
    sentAt: string | null;
    sentOn: string | null;
  };
export type SurveysTable = Owned &
  External &
  Stamped & { customerId: string; personId: string; score: number; respondedOn: string; comment: string | null };
export type KnowledgePostsTable = Owned &
  External &
  Stamped & {
    authorId: string;
    title: string;
    body: string;
    tags: string | null;
    publishedAt: string;
    publishedOn: string;
  };
export type KnowledgeVotesTable = Owned &
  External &
  Stamped & { postId: string; voterId: string; votedAt: string; votedOn: string };
export type PeerRatingsTable = Owned &
  External &
  Stamped & { raterId: string; rateeId: string; month: string; score: number; comment: string | null };
export type CalendarDaysTable = Owned & Stamped & { date: string; kind: string; name: string | null };
export type UsageEventsTable = Owned & {
  userId: string | null;
  personId: string | null;
  at: string;
  onDate: string;
  action: string;
  recordKind: string;
  recordId: string | null;
};
export type AuditLogTable = Owned & {
  at: string;
  actorUserId: string | null;
  action: string;
  recordKind: string;
  recordId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  reason: string | null;
};

export type CustomMetricsTable = Owned &
  Stamped & {
    key: string;
    nameZh: string;
    nameEn: string;
    category: string;
    unit: string;
    direction: string;
    definitionJson: string;
  };

export type TargetsTable = Owned &
  Stamped & {
    metricId: string;
    subjectKind: string;
    subjectId: string;
    periodKey: string;
    startOn: string;
    endOn: string;
    value: number;
    isLocked: number;
    source: string;
  };
export type TargetChangesTable = Owned & {
  targetId: string;
  at: string;
  actorUserId: string | null;
  oldValue: number | null;
  newValue: number;
  source: string;
  reason: string | null;
};

export type SchemesTable = Owned & Stamped & { positionId: string; name: string };
export type SchemeVersionsTable = Owned & {
  schemeId: string;
  version: number;
  effectiveFrom: string;
  status: string;
  definitionJson: string;
  createdAt: string;
  publishedAt: string | null;
};

export type PeriodClosesTable = Owned & {
  periodKey: string;
  startOn: string;
  endOn: string;
  revision: number;
  status: string;
  at: string;
  actorUserId: string | null;
  reason: string | null;
};
export type PeriodSnapshotsTable = {
  tenantId: string;
  closeId: string;
  personId: string;
  total: number | null;
  rating: string | null;
  scorecardJson: string;
};

export type DisputesTable = Owned &
  Stamped & {
    personId: string;
    ownerId: string;
    metricId: string;
    periodKey: string;
    recordRefs: string | null;
    description: string;
    deadlineOn: string;
    status: string;
    outcome: string | null;
    aspect: string | null;
    shownValue: string | null;
  };
export type SchemeFeedbackTable = Owned &
  Stamped & { schemeVersionId: string; metricId: string; personId: string; rating: number; comment: string | null };

export type TargetSuggestionsTable = Owned & {
  metricId: string;
  subjectKind: string;
  subjectId: string;
  periodKey: string;
  method: string;
  currentValue: number | null;
  proposedValue: number;
  reasoningJson: string;
  status: string;
  createdAt: string;
  createdByUserId: string | null;
  decidedAt: string | null;
  decidedByUserId: string | null;
  decisionReason: string | null;
};
export type TargetSharesTable = { tenantId: string; targetId: string; unitId: string; fullValue: number };

export type LeaderboardArchivesTable = {
  tenantId: string;
  weekKey: string;
  metricId: string;
  startOn: string;
  endOn: string;
  rowsJson: string;
  archivedAt: string;
};

export type WallLinksTable = {
  tenantId: string;
  id: string;
  name: string;
  unitId: string | null;
  tokenHash: string;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
};

export type Database = {
  tenants: TenantsTable;
  positions: PositionsTable;
  people: PeopleTable;
  orgUnits: OrgUnitsTable;
  memberships: MembershipsTable;
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  deals: DealsTable;
  dealMembers: DealMembersTable;
  contracts: ContractsTable;
  contractSplits: ContractSplitsTable;
  installments: InstallmentsTable;
  payments: PaymentsTable;
  activities: ActivitiesTable;
  proposals: ProposalsTable;
  surveys: SurveysTable;
  knowledgePosts: KnowledgePostsTable;
  knowledgeVotes: KnowledgeVotesTable;
  peerRatings: PeerRatingsTable;
  calendarDays: CalendarDaysTable;
  usageEvents: UsageEventsTable;
  auditLog: AuditLogTable;
  customMetrics: CustomMetricsTable;
  targets: TargetsTable;
  targetChanges: TargetChangesTable;
  targetSuggestions: TargetSuggestionsTable;
  targetShares: TargetSharesTable;
  schemes: SchemesTable;
  schemeVersions: SchemeVersionsTable;
  periodCloses: PeriodClosesTable;
  periodSnapshots: PeriodSnapshotsTable;
  leaderboardArchives: LeaderboardArchivesTable;
  disputes: DisputesTable;
  wallLinks: WallLinksTable;
  schemeFeedback: SchemeFeedbackTable;
};
