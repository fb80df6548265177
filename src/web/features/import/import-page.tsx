import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Progress,
  Result,
  Select,
  Space,
  Statistic,
  Steps,
  Typography,
  Upload,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, uploadWithProgress } from '../../api/client.ts';
import { importableKinds } from '../../api/kinds.ts';
import type { ImportReport } from '../../api/schema.gen.ts';
import { useMe } from '../../api/session.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { problemText } from '../../ui/problem.ts';
import { followImport, newJobId, progressPercent, type ServerProgress } from './import-progress.ts';
import { ImportIssues } from './import-report.tsx';

const FINANCE_KINDS = ['contracts', 'installments', 'payments'];

/** Pick a kind, get the template, upload, read the dry run, then commit and read the summary. */
export function ImportPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const { message } = App.useApp();
  const client = useQueryClient();
  const role = useMe().data?.role;
  const kinds = importableKinds.filter((k) => role === 'admin' || FINANCE_KINDS.includes(k.path));
  const [kind, setKind] = useState<string>(kinds.find((k) => k.path === 'customers')?.path ?? kinds[0]?.path ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  // Separate from the bar, which lingers 400 ms at 100%: a button still "loading" then would swallow a click.
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [serverStep, setServerStep] = useState<ServerProgress | null>(null);
  const runs = useRef(0);
  const step = result ? 3 : dryRun ? 2 : file ? 1 : 0;

  const send = async (isDryRun: boolean) => {
    if (!file) return;
    const run = ++runs.current;
    setError(null);
    setBusy(true);
    setProgress(0);
    setServerStep(null);
    const form = new FormData();
    form.append('file', file);
    // The bar follows the bytes sent, then the server's own steps for this job (read, check, write).
    const jobId = newJobId();
    let uploaded = 0;
    let last: ServerProgress | null = null;
    const show = () => setProgress((p) => Math.max(p ?? 0, progressPercent(uploaded, last)));
    const follow = followImport(jobId, (p) => {
      last = p;
      setServerStep(p);
      show();
    });
    try {
      const report = await uploadWithProgress<ImportReport>(
        `/${kind}/import`,
        form,
        { dryRun: isDryRun, skipInvalid: !isDryRun && skipInvalid, lang: locale, jobId },
        (f) => {
          uploaded = f;
          show();
        },
      );
      setProgress(100);
      if (isDryRun) setDryRun(report);
      else {
        setResult(report);
        await client.invalidateQueries({ queryKey: [kind] });
      }
    } catch (e) {
      setError(problemText(e, locale, t));
    } finally {
      follow.stop();
      setBusy(false);
      // The full bar lingers a moment, unless another upload has started meanwhile.
      setTimeout(() => {
        if (runs.current !== run) return;
        setProgress(null);
        setServerStep(null);
      }, 400);
    }
  };
  const reset = (keepKind = true) => {
    setFile(null);
    setDryRun(null);
    setResult(null);
    setError(null);
    setSkipInvalid(false);
    if (!keepKind) setKind(kinds[0]?.path ?? '');
  };
  const badRows = new Set((dryRun?.issues ?? []).map((i) => i.rowNumber ?? -1)).size;

  return (
    <>
      <PageHeader title={t('nav.import')} />
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('import.stepPick') },
          { title: t('import.stepUpload') },
          { title: t('import.stepCheck') },
          { title: t('import.stepDone') },
        ]}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            aria-label={t('import.kind')}
            value={kind}
            onChange={(k) => {
              setKind(k);
              reset();
            }}
            options={kinds.map((k) => ({ value: k.path, label: pick(k.label) }))}
            style={{ width: 220 }}
            data-testid="import-kind"
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              downloadFile(`/${kind}/template`, { format: 'xlsx', lang: locale }, `${kind}-template.xlsx`).catch(
                (e: unknown) => message.error(problemText(e, locale, t)),
              )
            }
          >
            {t('import.template')}
          </Button>
        </Space>
        <Upload.Dragger
          style={{ marginTop: 12 }}
          accept=".csv,.xlsx"
          maxCount={1}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          beforeUpload={(f) => {
            reset();
            setFile(f);
            return false;
          }}
          onRemove={() => reset()}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('import.dropHint')}</p>
        </Upload.Dragger>
        {file && !dryRun && (
          <Button
            type="primary"
            style={{ marginTop: 12 }}
            onClick={() => send(true)}
            loading={isBusy}
            data-testid="import-check"
          >
            {t('import.check')}
          </Button>
        )}
        {progress !== null && (
          <div style={{ marginTop: 12 }} data-testid="import-progress">
            <Progress percent={progress} status="active" />
            <Typography.Text type="secondary" data-testid="import-phase">
              {serverStep
                ? t(`disp.import.phase.${serverStep.phase}`, { done: serverStep.done, total: serverStep.total })
                : t('disp.import.uploading')}
            </Typography.Text>
          </div>
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 12 }} />}
      </Card>
      {dryRun && !result && (
        <Card size="small" title={t('import.dryRunTitle')} data-testid="import-dry-run">
          <Space size="large" wrap style={{ marginBottom: 12 }}>
            <Statistic title={t('import.totalRows')} value={dryRun.total} />
            <Statistic title={t('import.wouldCreate')} value={dryRun.created.length} />
            <Statistic title={t('import.wouldUpdate')} value={dryRun.updated.length} />
            <Statistic title={t('import.unchanged')} value={dryRun.unchanged.length} />
            <Statistic
              title={t('import.badRows')}
              value={badRows}
              styles={{ content: { color: badRows ? '#cf1322' : undefined } }}
            />
          </Space>
          {dryRun.ignoredColumns.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('import.ignoredColumns', { columns: dryRun.ignoredColumns.join(', ') })}
            />
          )}
          {(dryRun.issues.length > 0 || dryRun.warnings.length > 0) && <ImportIssues kind={kind} report={dryRun} />}
          <Space wrap style={{ marginTop: 12 }}>
            {dryRun.issues.length > 0 && (
              <Checkbox
                checked={skipInvalid}
                onChange={(e) => setSkipInvalid(e.target.checked)}
                data-testid="import-skip-invalid"
              >
                {t('import.skipInvalid', { n: badRows })}
              </Checkbox>
            )}
            <Button
              type="primary"
              disabled={dryRun.issues.length > 0 && !skipInvalid}
              loading={isBusy}
              onClick={() => send(false)}
              data-testid="import-commit"
            >
              {t('import.commit')}
            </Button>
            <Button onClick={() => reset()}>{t('common.cancel')}</Button>
          </Space>
        </Card>
      )}
      {result && (
        <Result
          status={result.isCommitted ? 'success' : 'error'}
          title={result.isCommitted ? t('import.doneTitle') : t('import.notCommitted')}
          subTitle={t('import.summary', {
            created: result.created.length,
            updated: result.updated.length,
            unchanged: result.unchanged.length,
            skipped: result.skippedRows.length,
          })}
          extra={<Button onClick={() => reset()}>{t('import.again')}</Button>}
          data-testid="import-result"
        >
          {result.issues.length > 0 && <ImportIssues kind={kind} report={result} />}
        </Result>
      )}
    </>
  );
}
