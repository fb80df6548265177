import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/session.ts';
import { RecordListPage } from '../../ui/record-list-page.tsx';

export const CONTRACT_FIELDS = [
  'customerId',
  'dealId',
  'title',
  'amountCents',
  'signedOn',
  'startOn',
  'endOn',
  'status',
  'ownerId',
  'splits',
] as const;

export function MyContractsPage() {
  return <ContractsPage scope="mine" />;
}
export function TeamContractsPage() {
  return <ContractsPage scope="team" />;
}

function ContractsPage({ scope }: { scope: 'mine' | 'team' }) {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <RecordListPage
      key={scope}
      path="contracts"
      scope={scope}
      mineField="ownerId"
      title={t(scope === 'mine' || me?.role === 'finance' ? 'nav.contracts' : 'nav.teamContracts')}
      columns={['title', 'customerId', 'amountCents', 'signedOn', 'endOn', 'status', 'ownerId']}
      formFields={CONTRACT_FIELDS}
      defaultSort="-signedOn"
      newLabel={t('contracts.new')}
      initialValues={{ ownerId: me?.personId ?? undefined, status: 'active' }}
      render={{ title: (v, r) => <Link to={`/contracts/${r.id}`}>{String(v)}</Link> }}
    />
  );
}
