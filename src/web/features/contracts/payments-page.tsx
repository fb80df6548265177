import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RecordListPage } from '../../ui/record-list-page.tsx';
import { RefName } from '../../ui/ref-select.tsx';

export const PAYMENT_FIELDS = ['contractId', 'receivedOn', 'amountCents', 'note'] as const;

export function PaymentsPage() {
  const { t } = useTranslation();
  return (
    <RecordListPage
      path="payments"
      title={t('nav.payments')}
      columns={['receivedOn', 'contractId', 'amountCents', 'note']}
      formFields={PAYMENT_FIELDS}
      defaultSort="-receivedOn"
      newLabel={t('payments.new')}
      render={{
        contractId: (v) => (
          <Link to={`/contracts/${String(v)}`}>
            <RefName refKind="contracts" id={v as string} />
          </Link>
        ),
      }}
    />
  );
}
