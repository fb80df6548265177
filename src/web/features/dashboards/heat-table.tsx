import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamDashboard } from '../../api/dashboards.ts';
import { formatDate } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { formatMetric } from '../metrics/metric-format.ts';
import { HEAT_BACKGROUND, type PaceStatus, percent, points, RATING_COLOR } from './dashboard-ui.tsx';

type Member = TeamDashboard['members'][number];

const STATUS_ORDER: Record<PaceStatus, number> = { red: 0, yellow: 1, green: 2, none: 3 };

/** Members x metrics, each cell coloured by its pace; sortable by any column; a name opens the person. */
export type { Member };

export function HeatTable({
  data,
  period,
  onExplain,
}: {
  data: TeamDashboard;
  period: string;
  onExplain: (metricId: string, member: Member) => void;
}) {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const cellOf = (m: Member, metricId: string) => m.cells.find((c) => c.metricId === metricId);
  const metricColumns = data.metrics.map(
    (metric): ColumnType<Member> => ({
      key: metric.id,
      title: pick(metric.name),
      align: 'right',
      width: 150,
      sorter: (a, b) => {
        const x = cellOf(a, metric.id);
        const y = cellOf(b, metric.id);
        return (
          STATUS_ORDER[(x?.status ?? 'none') as PaceStatus] - STATUS_ORDER[(y?.status ?? 'none') as PaceStatus] ||
          (x?.ratio ?? -1) - (y?.ratio ?? -1)
        );
      },
      onCell: (m) => ({
        style: { background: HEAT_BACKGROUND[(cellOf(m, metric.id)?.status ?? 'none') as PaceStatus] },
        'data-status': cellOf(m, metric.id)?.status ?? 'none',
      }),
      render: (_v, m) => {
        const cell = cellOf(m, metric.id);
        if (!cell) return '—';
        const body = (
          <span data-testid={`cell-${metric.id}-${m.personId}`}>
            <Typography.Link strong onClick={() => onExplain(metric.id, m)}>
              {formatMetric(cell.actual, metric.unit, locale, true)}
            </Typography.Link>
            {cell.target !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                / {formatMetric(cell.target, metric.unit, locale, true)}
              </Typography.Text>
            )}
          </span>
        );
        return cell.status === 'none' ? (
          body
        ) : (
          <Tooltip
            title={`${t(`dashboards.pace.${cell.status}`)} ${percent(cell.ratio, locale)}${
              cell.redSince ? ` · ${t('dashboards.redSince', { date: formatDate(cell.redSince, locale) })}` : ''
            }`}
          >
            {body}
          </Tooltip>
        );
      },
    }),
  );
  return (
    <Table<Member>
      rowKey="personId"
      size="small"
      pagination={false}
      dataSource={data.members}
      scroll={{ x: 380 + data.metrics.length * 150 }}
      data-testid="heat-table"
      showSorterTooltip={false}
      columns={[
        {
          key: 'name',
          title: t('dashboards.member'),
          fixed: 'left',
          width: 150,
          sorter: (a, b) => a.name.localeCompare(b.name, locale),
          render: (_v, m) => (
            <span>
              <Link
                to={`/dashboard/person/${m.personId}?period=${encodeURIComponent(period)}`}
                data-testid={`member-${m.personId}`}
              >
                {m.name}
              </Link>
              {m.unitId !== data.unit.id && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {m.unitName}
                </Typography.Text>
              )}
            </span>
          ),
        },
        {
          key: 'total',
          title: t('dashboards.score'),
          align: 'right',
          width: 90,
          defaultSortOrder: 'descend',
          sorter: (a, b) => (a.total ?? -1) - (b.total ?? -1),
          render: (_v, m) => (
            <span data-testid={`total-${m.personId}`}>
              {points(m.total, locale)}
              {m.previousTotal !== null && m.total !== null && m.total !== m.previousTotal && (
                <Typography.Text type={m.total > m.previousTotal ? 'success' : 'danger'} style={{ fontSize: 12 }}>
                  {' '}
                  {m.total > m.previousTotal ? '▲' : '▼'}
                </Typography.Text>
              )}
            </span>
          ),
        },
        {
          key: 'rating',
          title: <span style={{ whiteSpace: 'nowrap' }}>{t('dashboards.rating')}</span>,
          width: 90,
          sorter: (a, b) => (a.rating ?? 'Z').localeCompare(b.rating ?? 'Z'),
          render: (_v, m) => (m.rating ? <Tag color={RATING_COLOR[m.rating]}>{m.rating}</Tag> : '—'),
        },
        ...metricColumns,
      ]}
    />
  );
}
