import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MetricValues } from '../../api/schema.gen.ts';
import { useLocale } from '../../ui/locale.ts';
import { formatMetric } from '../metrics/metric-format.ts';

export type SubjectLabel = { key: string; label: string; kind: 'tenant' | 'unit' | 'person' };
type Row = SubjectLabel & { value: number | null };

const KIND_ORDER = { tenant: 0, unit: 1, person: 2 };

/** The draft's value for the company, every unit and every person, as it would be saved. */
export function PreviewTable({
  result,
  subjects,
  unit,
}: {
  result: MetricValues;
  subjects: readonly SubjectLabel[];
  unit: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const byKey = new Map(subjects.map((s) => [s.key, s]));
  const rows: Row[] = result.values
    .map((v) => {
      const key = v.subject.kind === 'tenant' ? 'tenant' : `${v.subject.kind}:${v.subject.id}`;
      const subject = byKey.get(key) ?? { key, label: key, kind: v.subject.kind };
      return { ...subject, value: v.value };
    })
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (b.value ?? -1) - (a.value ?? -1));
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="cm-preview"
      columns={[
        {
          key: 'kind',
          title: t('customMetrics.subjectKind'),
          width: 100,
          render: (_v, r) => (
            <Tag color={r.kind === 'tenant' ? 'gold' : r.kind === 'unit' ? 'blue' : 'default'}>
              {t(`customMetrics.subjectKinds.${r.kind}`)}
            </Tag>
          ),
        },
        { key: 'label', title: t('customMetrics.subject'), dataIndex: 'label' },
        {
          key: 'value',
          title: t('metrics.value'),
          align: 'right',
          render: (_v, r) => <span data-testid={`preview-${r.key}`}>{formatMetric(r.value, unit, locale)}</span>,
        },
      ]}
    />
  );
}
