import { CheckCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PersonDashboard } from '../../api/dashboards.ts';
import { valueLabel } from '../../api/kinds.ts';
import { useMe } from '../../api/session.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';

type Activity = PersonDashboard['activities'][number];

/** The latest follow-ups, each saying whether it counts (计入) or why not. */
export function RecentActivities({ activities }: { activities: Activity[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const timeZone = useMe().data?.timeZone ?? 'Asia/Shanghai';
  return (
    <List<Activity>
      size="small"
      dataSource={activities}
      locale={{ emptyText: t('dashboards.noActivities') }}
      data-testid="recent-activities"
      renderItem={(a) => (
        <List.Item
          data-testid="recent-activity"
          extra={
            a.reason === null ? (
              <Tag color="success" icon={<CheckCircleOutlined />}>
                {t('dashboards.counts')}
              </Tag>
            ) : (
              <Tag color="warning" icon={<MinusCircleOutlined />} data-testid="activity-excluded">
                {t(`metrics.reason.${a.reason}`, { defaultValue: a.reason })}
              </Tag>
            )
          }
        >
          <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
            <Space size={6} wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(a.occurredAt, locale, timeZone)}
              </Typography.Text>
              <Tag bordered={false}>{valueLabel('activities', 'type', a.type, locale)}</Tag>
              {a.customerName && <Typography.Text>{a.customerName}</Typography.Text>}
            </Space>
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
              {a.notes}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
