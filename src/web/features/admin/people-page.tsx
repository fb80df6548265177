import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordOf } from '../../api/records.ts';
import { RecordListPage } from '../../ui/record-list-page.tsx';
import { TransferDrawer } from './transfer-drawer.tsx';

export function PeoplePage() {
  const { t } = useTranslation();
  const [transferring, setTransferring] = useState<RecordOf<'people'> | null>(null);
  return (
    <>
      <RecordListPage
        path="people"
        title={t('nav.people')}
        columns={['name', 'email', 'phone', 'positionId', 'managerId', 'unitId', 'hiredOn', 'leftOn']}
        formFields={['name', 'email', 'phone', 'positionId', 'managerId', 'unitId', 'hiredOn', 'leftOn']}
        defaultSort="name"
        newLabel={t('admin.newPerson')}
        rowActions={(p) => (
          <Button size="small" onClick={() => setTransferring(p)} data-testid={`transfer-${p.name}`}>
            {t('transfer.action')}
          </Button>
        )}
      />
      <TransferDrawer person={transferring} onClose={() => setTransferring(null)} />
    </>
  );
}
