import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { kindMeta } from '../api/kinds.ts';
import { type KindPath, useRecord, useRecordPage } from '../api/records.ts';
import { usePeople } from './people.ts';

type Props = {
  refKind: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  id?: string;
  isClearable?: boolean;
  extraQuery?: Record<string, string>;
  'aria-label'?: string;
};

/** Displays a referenced record by name (title, code). */
export function recordName(record: Record<string, unknown> | undefined): string {
  if (!record) return '';
  return String(record.name ?? record.title ?? record.code ?? record.id ?? '');
}

/** Picks a referenced record by typing part of its name; people come from the loaded list. */
export function RefSelect({
  refKind,
  value,
  onChange,
  placeholder,
  id,
  isClearable = true,
  extraQuery,
  ...rest
}: Props) {
  const path = kindMeta(refKind).path as KindPath;
  if (path === 'people')
    return (
      <PersonSelect
        value={value}
        onChange={onChange}
        placeholder={placeholder}
        id={id}
        aria-label={rest['aria-label']}
      />
    );
  return (
    <RemoteSelect
      path={path}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      id={id}
      isClearable={isClearable}
      extraQuery={extraQuery}
      aria-label={rest['aria-label']}
    />
  );
}

function PersonSelect({ value, onChange, placeholder, id, ...rest }: Omit<Props, 'refKind'>) {
  const { options, isLoading } = usePeople();
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      loading={isLoading}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}

function RemoteSelect({
  path,
  value,
  onChange,
  placeholder,
  id,
  isClearable,
  extraQuery,
  ...rest
}: Omit<Props, 'refKind'> & { path: KindPath }) {
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search);
  const page = useRecordPage(path, { q, limit: 20, ...extraQuery });
  const current = useRecord(path, value ?? undefined);
  const options = (page.data?.items ?? []).map((r) => ({ value: r.id, label: recordName(r) }));
  if (current.data && !options.some((o) => o.value === current.data.id))
    options.unshift({ value: current.data.id, label: recordName(current.data) });
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear={isClearable}
      loading={page.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}

/** The name of a referenced record, fetched (and cached) by id. */
export function RefName({ refKind, id }: { refKind: string; id: string | null | undefined }) {
  const path = kindMeta(refKind).path as KindPath;
  const { nameOf } = usePeople();
  const record = useRecord(path, path === 'people' ? undefined : (id ?? undefined));
  if (!id) return null;
  if (path === 'people') return <>{nameOf(id)}</>;
  return <>{recordName(record.data) || '…'}</>;
}
