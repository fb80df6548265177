import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportTargetGrid, type GridImport, useImportGrid } from '../../api/targets.ts';
import { useLocale } from '../../ui/locale.ts';
import { problemText } from '../../ui/problem.ts';
import { formatMetric } from '../metrics/metric-format.ts';

type Change = GridImport['changes'][number];
type Issue = GridImport['issues'][number];

/** 导出 / 导入 the year's targets as the grid a director keeps in Excel; an import is checked (dry run) first. */
export function GridFileButtons({
  metricId,
  unit,
  year,
  nameOf,
}: {
  metricId: string;
  unit: string;
  year: string;
  nameOf: (subject: { kind: string; id?: string | undefined }) => string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [isExporting, setExporting] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<GridImport | null>(null);
  const upload = useImportGrid();
  const fmt = (v: number | null) => formatMetric(v, unit, locale);
  // The server's reason in English; the catalog words it in the UI language from its code and numbers.
  const say = (i: Issue) => t(`tgt.issue.${i.code}`, { ...i.params, defaultValue: i.reason });

  const check = async (picked: File) => {
    setFile(picked);
    setReport(null);
    try {
      setReport(await upload.mutateAsync({ file: picked, metricId, year, dryRun: true }));
    } catch (e) {
      setFile(null);
      message.error(problemText(e, locale, t));
    }
  };
  const commit = async () => {
    if (!file) return;
    try {
      const done = await upload.mutateAsync({ file, metricId, year, dryRun: false });
      message.success(t('tgt.committed', { count: done.changes.length }));
      setFile(null);
      setReport(null);
    } catch (e) {
      message.error(problemText(e, locale, t));
    }
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={isExporting}
        data-testid="targets-export"
        onClick={async () => {
          setExporting(true);
          try {
            await exportTargetGrid(metricId, year);
          } catch (e) {
            message.error(problemText(e, locale, t));
          } finally {
            setExporting(false);
          }
        }}
      >
        {t('tgt.export', { year })}
      </Button>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(picked) => {
          void check(picked);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending && !report} data-testid="targets-import">
          {t('tgt.import')}
        </Button>
      </Upload>
      <Modal
        open={!!report}
        width={Math.min(860, window.innerWidth)}
        title={t('tgt.importTitle', { file: report?.fileName ?? '', year })}
        onCancel={() => {
          setReport(null);
          setFile(null);
        }}
        footer={
          <Space>
            <Button onClick={() => setReport(null)}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={!report || report.issues.length > 0 || report.changes.length === 0}
              loading={upload.isPending}
              onClick={commit}
              data-testid="targets-import-commit"
            >
              {t('tgt.commit', { count: report?.changes.length ?? 0 })}
            </Button>
          </Space>
        }
        data-testid="targets-import-report"
      >
        {report && (
          <>
            <Typography.Paragraph data-testid="targets-import-summary">
              {t('tgt.importSummary', { cells: report.cells, changes: report.changes.length })}
            </Typography.Paragraph>
            {report.issues.length > 0 && (
              <>
                <Alert
                  type="error"
                  showIcon
                  title={t('tgt.badCells', { count: report.issues.length })}
                  style={{ marginBottom: 8 }}
                />
                <Table<Issue>
                  rowKey={(i) => `${i.rowNumber}-${i.column}-${i.reason}`}
                  size="small"
                  pagination={false}
                  dataSource={report.issues}
                  data-testid="targets-import-issues"
                  columns={[
                    { key: 'row', title: t('tgt.row'), dataIndex: 'rowNumber', width: 60 },
                    {
                      key: 'col',
                      title: t('tgt.column'),
                      width: 150,
                      render: (_v, i) => `${i.column}${i.header ? ` · ${i.header}` : ''}`,
                    },
                    { key: 'reason', title: t('tgt.reasonTitle'), render: (_v, i) => say(i) },
                  ]}
                />
              </>
            )}
            {report.warnings.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                data-testid="targets-import-warnings"
                title={report.warnings.map((w) => `${w.column}${w.rowNumber}: ${say(w)}`).join('; ')}
              />
            )}
            {report.changes.length > 0 && (
              <Table<Change>
                rowKey={(c) => `${c.rowNumber}-${c.column}`}
                size="small"
                style={{ marginTop: 8 }}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                dataSource={report.changes}
                data-testid="targets-import-changes"
                columns={[
                  { key: 'cell', title: t('tgt.cell'), width: 70, render: (_v, c) => `${c.column}${c.rowNumber}` },
                  { key: 'who', title: t('targets.subject'), render: (_v, c) => nameOf(c.subject) },
                  { key: 'period', title: t('metrics.period'), dataIndex: 'periodKey', width: 90 },
                  { key: 'old', title: t('tgt.old'), align: 'right', render: (_v, c) => fmt(c.oldValue) },
                  { key: 'new', title: t('tgt.new'), align: 'right', render: (_v, c) => fmt(c.newValue) },
                ]}
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
