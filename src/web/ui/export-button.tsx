import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, type Query } from '../api/client.ts';
import { useLocale } from './locale.ts';
import { problemText } from './problem.ts';

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
