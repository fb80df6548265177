import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../../api/kinds.ts';
import type { ImportReport, ReportIssue } from '../../api/schema.gen.ts';
import { useLocale } from '../../ui/locale.ts';
import { issueMessage, topField } from '../../ui/problem.ts';

/** Every refused row: its row number in the file, the column, and why. */
export function ImportIssues({ kind, report }: { kind: string; report: ImportReport }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const rows = [
    ...report.issues.map((i) => ({ ...i, level: 'error' as const })),
    ...report.warnings.map((i) => ({ ...i, level: 'warning' as const })),
  ];
  return (
    <Table<ReportIssue & { level: 'error' | 'warning' }>
      data-testid="import-issues"
      rowKey={(r, i) => `${r.level}-${r.rowNumber ?? ''}-${r.field ?? ''}-${i}`}
      size="small"
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 600 }}
      columns={[
        { key: 'row', title: t('import.row'), dataIndex: 'rowNumber', width: 80, render: (v?: number) => v ?? '—' },
        {
          key: 'field',
          title: t('import.column'),
          dataIndex: 'field',
          width: 180,
          render: (f?: string) => (f ? fieldLabel(kind, topField(f) ?? f, locale) : '—'),
        },
        {
          key: 'reason',
          title: t('import.reason'),
          render: (_v, r) => (
            <>
              <Tag color={r.level === 'error' ? 'red' : 'gold'}>{t(`import.${r.level}`)}</Tag>
              <Typography.Text>{issueMessage(r, locale, t)}</Typography.Text>
            </>
          ),
        },
      ]}
    />
  );
}
