import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.ts';
import { RecordListPage } from '../../ui/record-list-page.tsx';

const PROPOSAL_FIELDS = ['title', 'customerId', 'dealId', 'dueOn', 'sentAt', 'personId'] as const;

export function MyProposalsPage() {
  return <ProposalsPage scope="mine" />;
}
export function TeamProposalsPage() {
  return <ProposalsPage scope="team" />;
}

function ProposalsPage({ scope }: { scope: 'mine' | 'team' }) {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <RecordListPage
      key={scope}
      path="proposals"
      scope={scope}
      mineField="personId"
      title={t(scope === 'mine' ? 'nav.proposals' : 'nav.teamProposals')}
      columns={['title', 'customerId', 'dueOn', 'sentAt', 'personId']}
      formFields={PROPOSAL_FIELDS}
      defaultSort="dueOn"
      newLabel={t('proposals.new')}
      initialValues={{ personId: me?.personId ?? undefined, dueOn: me?.today }}
    />
  );
}
