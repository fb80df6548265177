// A record kind is data: its fields say how a value is read from the API or a spreadsheet,
// checked, labelled and written back. Import, export, OpenAPI and CRUD all derive from it.

export type Locale = 'zh-CN' | 'en';
export type Label = Record<Locale, string>;

export type FieldType =
  | 'string'
  | 'text'
  | 'integer'
  | 'money'
  | 'date'
  | 'datetime'
  | 'month'
  | 'enum'
  | 'ref'
  | 'team'
  | 'splits';

export type KindName =
  | 'orgUnits'
  | 'positions'
  | 'people'
  | 'memberships'
  | 'calendarDays'
  | 'customers'
  | 'contacts'
  | 'deals'
  | 'contracts'
  | 'installments'
  | 'payments'
  | 'activities'
  | 'proposals'
  | 'surveys'
  | 'knowledgePosts'
  | 'knowledgeVotes'
  | 'peerRatings'
  | 'usageEvents'
  | 'auditLog'
  | 'disputes'
  | 'schemeFeedback';

export type FieldDefault =
  | { kind: 'today' }
  | { kind: 'now' }
  | { kind: 'value'; value: string | number }
  | { kind: 'self' }
  /** Filled in by a use case that knows more (a dispute's owner is the raiser's manager). */
  | { kind: 'server' };

export type FieldDef = {
  name: string;
  type: FieldType;
  label: Label;
  isRequired?: boolean;
  values?: readonly string[];
  valueLabels?: Record<string, Label>;
  refKind?: KindName;
  min?: number;
  max?: number;
  maxLength?: number;
  /** Set by the server; returned, never accepted. */
  isReadOnly?: boolean;
  /** Not a column of the kind's table: computed or kept elsewhere when read (a person's unit). */
  isVirtual?: boolean;
  /** Accepted only from imports and batch sync (e.g. an activity's original logged_at). */
  isImportOnly?: boolean;
  /** Cannot change once created. */
  isImmutable?: boolean;
  /** Applied on create when the value is missing. */
  default?: FieldDefault;
  isFilterable?: boolean;
  isSortable?: boolean;
  isSearchable?: boolean;
  help?: Label;
};

export type Issue = {
  field?: string;
  code: IssueCode;
  reason: string;
  params?: Record<string, string | number>;
};

export type IssueCode =
  | 'required'
  | 'type'
  | 'format'
  | 'date'
  | 'range'
  | 'length'
  | 'enum'
  | 'unknown_ref'
  | 'shares_sum'
  | 'shares_owner'
  | 'shares_duplicate'
  | 'order'
  | 'conflict'
  | 'duplicate_key'
  | 'read_only'
  | 'immutable'
  | 'unknown_field'
  | 'future'
  | 'rule'
  // Refusals outside the record rules, with params a UI words in its own language:
  | 'formula' // a formula that does not parse: { position, column, expected, found? }
  | 'unknown_metric'
  | 'formula_cycle'
  | 'in_use' // a delete refused while others point to the record: { usedBy, count }
  | 'decomposition'; // a split refused: { refusal, locked?, whole?, ... }

export type RecordValues = Record<string, unknown>;

export type CheckContext = { today: string; now: string; timeZone: string };

export type RecordKind = {
  name: KindName;
  /** URL segment and import/export file stem, kebab-case. */
  path: string;
  label: Label;
  fields: readonly FieldDef[];
  hasExternalId: boolean;
  /** The field that identifies a record in a batch when the kind has no externalId. */
  naturalKey?: string;
  isReadOnly?: boolean;
  /** Journals (usage events, audit log) are append-only and carry no createdAt/updatedAt. */
  hasNoStamps?: boolean;
  defaultSort: string;
  /** Cross-field rules on the complete record (after defaults, merge and reference resolution). */
  check?: (record: RecordValues, ctx: CheckContext) => Issue[];
  /** Values the server derives from the record (local dates of instants). */
  derive?: (record: RecordValues, ctx: CheckContext) => RecordValues;
};

export function label(zh: string, en: string): Label {
  return { 'zh-CN': zh, en };
}

export function fieldOf(kind: RecordKind, name: string): FieldDef | undefined {
  return kind.fields.find((f) => f.name === name);
}

export function writableFields(kind: RecordKind, source: 'api' | 'import'): FieldDef[] {
  return kind.fields.filter((f) => !f.isReadOnly && (source === 'import' || !f.isImportOnly));
}
