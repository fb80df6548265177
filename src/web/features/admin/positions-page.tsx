import { useTranslation } from 'react-i18next';
import { RecordListPage } from '../../ui/record-list-page.tsx';

export function PositionsPage() {
  const { t } = useTranslation();
  return (
    <RecordListPage
      path="positions"
      title={t('nav.positions')}
      columns={['code', 'name']}
      formFields={['code', 'name']}
      defaultSort="code"
      newLabel={t('admin.newPosition')}
    />
  );
}
