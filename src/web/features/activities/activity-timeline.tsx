import { Button, Empty, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { valueLabel } from '../../api/kinds.ts';
import { useRecordPage } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { usePeople } from '../../ui/people.ts';
import { RefName } from '../../ui/ref-select.tsx';
import { InvalidMark } from './invalid-mark.tsx';

const TYPE_COLOR: Record<string, string> = {
  call: 'blue',
  visit: 'green',
  meeting: 'purple',
  message: 'cyan',
  email: 'geekblue',
  other: 'default',
};

/** Follow-ups, newest first, for one customer or one person (or everything the user may see). */
export function ActivityTimeline({ customerId, personId }: { customerId?: string; personId?: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const me = useMe().data;
  const { nameOf } = usePeople();
  const [limit, setLimit] = useState(20);
  const page = useRecordPage('activities', { customerId, personId, sort: '-occurredAt', limit });
  const items = page.data?.items ?? [];
  if (!page.isLoading && items.length === 0) return <Empty description={t('activities.empty')} />;
  return (
    <>
      <Timeline
        data-testid="activity-timeline"
        items={items.map((a) => ({
          key: a.id,
          color: a.invalidReason ? 'gray' : (TYPE_COLOR[a.type ?? 'other'] ?? 'gray'),
          content: (
            <div>
              <Typography.Text strong>
                {formatDateTime(a.occurredAt, locale, me?.timeZone ?? 'Asia/Shanghai')}
              </Typography.Text>{' '}
              <Tag color={TYPE_COLOR[a.type ?? 'other']}>{valueLabel('activities', 'type', a.type, locale)}</Tag>
              {a.durationMin ? (
                <Typography.Text type="secondary">{t('activities.minutes', { n: a.durationMin })}</Typography.Text>
              ) : null}{' '}
              <InvalidMark reason={a.invalidReason} />
              <div>
                {!personId && <Typography.Text type="secondary">{nameOf(a.personId)} · </Typography.Text>}
                {!customerId && a.customerId && (
                  <Link to={`/customers/${a.customerId}`}>
                    <RefName refKind="customers" id={a.customerId} />
                  </Link>
                )}
              </div>
              {a.notes && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {a.notes}
                </Typography.Paragraph>
              )}
            </div>
          ),
        }))}
      />
      {page.data?.nextCursor && (
        <Button onClick={() => setLimit((n) => n + 20)} loading={page.isFetching}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
