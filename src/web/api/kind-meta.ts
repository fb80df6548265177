// The shape of record-kinds.gen.ts: what the web app needs to label and edit any record kind.
export type Locale = 'zh-CN' | 'en';
export type Label = Record<Locale, string>;

export type FieldMeta = {
  name: string;
  type: 'string' | 'text' | 'integer' | 'money' | 'date' | 'datetime' | 'month' | 'enum' | 'ref' | 'team' | 'splits';
  label: Label;
  isRequired?: boolean;
  isReadOnly?: boolean;
  isImportOnly?: boolean;
  isFilterable?: boolean;
  isSortable?: boolean;
  values?: string[];
  valueLabels?: Record<string, Label>;
  refKind?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  help?: Label;
};

export type KindMeta = {
  name: string;
  path: string;
  label: Label;
  isReadOnly: boolean;
  hasExternalId: boolean;
  defaultSort: string;
  fields: FieldMeta[];
};
