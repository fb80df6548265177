import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../api/kind-meta.ts';
import { enumOptions, fieldMeta, kindMeta } from '../api/kinds.ts';
import { useLocale } from './locale.ts';
import { RefSelect } from './ref-select.tsx';
import { ShareEditor, type ShareRow, shareProblems } from './share-editor.tsx';

// Form items built from the server's field definitions: the label, the input for the type, the
// required mark and the limits all come from the record kind. Money is typed in yuan.

type Props = { kind: string; fields: readonly string[]; isEdit?: boolean; requiredOverride?: readonly string[] };

export function RecordFields({ kind, fields, isEdit = false, requiredOverride = [] }: Props) {
  return (
    <>
      {fields.map((name) => {
        const meta = fieldMeta(kind, name);
        if (!meta) throw new Error(`${kind} has no field ${name}`);
        return (
          <RecordField
            key={name}
            kind={kind}
            meta={meta}
            isEdit={isEdit}
            isRequired={requiredOverride.includes(name)}
          />
        );
      })}
    </>
  );
}

function RecordField({
  kind,
  meta,
  isEdit,
  isRequired,
}: {
  kind: string;
  meta: FieldMeta;
  isEdit: boolean;
  isRequired: boolean;
}) {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const label = pick(meta.label);
  const rules: Rule[] = [];
  if ((meta.isRequired && !isEdit) || isRequired)
    rules.push({ required: true, message: t('form.required', { field: label }) });
  if (meta.maxLength) rules.push({ max: meta.maxLength, message: t('form.tooLong', { max: meta.maxLength }) });
  if (meta.type === 'team' || meta.type === 'splits')
    rules.push({
      validator: async (_r, value: ShareRow[] | undefined) => {
        if (!value || value.length === 0) return;
        const problems = shareProblems(value, meta.type === 'team');
        if (problems.length) throw new Error(problems.map((p) => t(p.key, p.values)).join('; '));
      },
    });
  const common = { name: meta.name, label, rules, tooltip: meta.help ? pick(meta.help) : undefined };
  switch (meta.type) {
    case 'text':
      return (
        <Form.Item {...common}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={meta.maxLength} />
        </Form.Item>
      );
    case 'integer':
      return (
        <Form.Item {...common}>
          <InputNumber min={meta.min} max={meta.max} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'money':
      return (
        <Form.Item {...common}>
          <InputNumber
            prefix="¥"
            min={meta.min !== undefined ? meta.min / 100 : undefined}
            precision={2}
            style={{ width: '100%' }}
          />
        </Form.Item>
      );
    case 'date':
    case 'month':
      return (
        <Form.Item
          {...common}
          getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined })}
          normalize={(d: dayjs.Dayjs | null) => (d ? d.format(meta.type === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD') : null)}
        >
          <DatePicker picker={meta.type === 'month' ? 'month' : 'date'} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'datetime':
      return (
        <Form.Item
          {...common}
          getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined })}
          normalize={(d: dayjs.Dayjs | null) => (d ? d.toISOString() : null)}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'enum':
      return (
        <Form.Item {...common}>
          <Select options={enumOptions(kind, meta.name, locale)} allowClear={!meta.isRequired} />
        </Form.Item>
      );
    case 'ref':
      return (
        <Form.Item {...common}>
          <RefSelect refKind={meta.refKind ?? ''} />
        </Form.Item>
      );
    case 'team':
    case 'splits':
      return (
        <Form.Item {...common}>
          <ShareEditor hasRoles={meta.type === 'team'} />
        </Form.Item>
      );
    default:
      return (
        <Form.Item {...common}>
          <Input maxLength={meta.maxLength} />
        </Form.Item>
      );
  }
}

/** API record -> form values (cents become yuan). */
export function toFormValues(kind: string, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  for (const f of kindMeta(kind).fields)
    if (f.type === 'money' && typeof out[f.name] === 'number') out[f.name] = (out[f.name] as number) / 100;
  return out;
}

/** Form values -> API body: yuan become cents, empty strings are dropped (or null on edit). */
export function toApiValues(kind: string, values: Record<string, unknown>, isEdit: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of kindMeta(kind).fields) {
    if (!(f.name in values)) continue;
    let v = values[f.name];
    if (f.type === 'money' && typeof v === 'number') v = Math.round(v * 100);
    if (v === '' || v === undefined) v = null;
    if (v === null && !isEdit) continue;
    out[f.name] = v;
  }
  return out;
}
