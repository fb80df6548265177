import { useTranslation } from 'react-i18next';
import { RecordListPage } from '../../ui/record-list-page.tsx';

export function PeoplePage() {
  const { t } = useTranslation();
  return (
    <RecordListPage
      path="people"
      title={t('nav.people')}
      columns={['name', 'email', 'phone', 'positionId', 'managerId', 'unitId', 'hiredOn', 'leftOn']}
      formFields={['name', 'email', 'phone', 'positionId', 'managerId', 'unitId', 'hiredOn', 'leftOn']}
      defaultSort="name"
      newLabel={t('admin.newPerson')}
    />
  );
}
