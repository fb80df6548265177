import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, type Query, saveBlob } from '../api/client.ts';
import { useLocale } from './locale.ts';
import { problemText } from './problem.ts';
import { type Cell, writeXlsx } from './xlsx.ts';

/** Exports the list as it is filtered now, with headers in the UI language. */
export function ExportButton({ path, query }: { path: string; query: Query }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);
  const { limit: _l, cursor: _c, ...filters } = query;
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={isBusy}
      data-testid="export-xlsx"
      onClick={async () => {
        setBusy(true);
        try {
          await downloadFile(`/${path}/export`, { ...filters, format: 'xlsx', lang: locale }, `${path}.xlsx`);
        } catch (error) {
          message.error(problemText(error, locale, t));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('common.exportXlsx')}
    </Button>
  );
}

/** Exports rows the page already holds (lists without an export route), as an .xlsx file. */
export function LocalExportButton({
  fileName,
  sheetName,
  table,
}: {
  fileName: string;
  sheetName: string;
  table: () => { header: string[]; rows: Cell[][] };
}) {
  const { t } = useTranslation();
  return (
    <Button
      icon={<DownloadOutlined />}
      data-testid="export-xlsx"
      onClick={() => {
        const { header, rows } = table();
        const bytes = writeXlsx(sheetName, header, rows);
        const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        saveBlob(new Blob([bytes as BlobPart], { type }), fileName);
      }}
    >
      {t('common.exportXlsx')}
    </Button>
  );
}
