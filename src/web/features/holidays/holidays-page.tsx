import { CloudDownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CnHolidayLoad, useLoadCnHolidays } from '../../api/admin.ts';
import { cnHolidayYears } from '../../api/record-kinds.gen.ts';
import { type RecordOf, useDeleteRecord, useRecordPage } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { ExportButton } from '../../ui/export-button.tsx';
import { formatDate } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { problemText } from '../../ui/problem.ts';
import { RecordDrawer } from '../../ui/record-drawer.tsx';
import { holidayName } from './holiday-names.ts';
import { YearCalendar } from './year-calendar.tsx';

type Day = RecordOf<'calendar-days'>;

/** 节假日: the year's holidays and 调休 make-up working days, loaded from the national calendar, then edited. */
export function HolidaysPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const today = useMe().data?.today ?? new Date().toISOString().slice(0, 10);
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState<Day | { date: string } | null>(null);
  const [loaded, setLoaded] = useState<CnHolidayLoad | null>(null);
  const query = { dateFrom: `${year}-01-01`, dateTo: `${year}-12-31`, sort: 'date', limit: 500 };
  const days = useRecordPage('calendar-days', query);
  const load = useLoadCnHolidays();
  const remove = useDeleteRecord('calendar-days');
  const items = days.data?.items ?? [];
  const isProvisional = (y: number) => cnHolidayYears.provisional.includes(y);
  const isKnown = cnHolidayYears.known.includes(year);
  const years = [...new Set([...cnHolidayYears.known, thisYear - 1, thisYear, thisYear + 1])].sort();
  const counts = {
    holiday: items.filter((d) => d.kind === 'holiday').length,
    workday: items.filter((d) => d.kind === 'workday').length,
  };

  const loadYear = async () => {
    setLoaded(null);
    try {
      setLoaded(await load.mutateAsync(year));
    } catch (error) {
      message.error(problemText(error, locale, t));
    }
  };
  const deleteDay = async (d: Day) => {
    try {
      await remove.mutateAsync(d.id);
      message.success(t('holidays.deleted', { date: formatDate(d.date, locale) }));
    } catch (error) {
      message.error(problemText(error, locale, t));
    }
  };
  // A stable object: the drawer resets its form whenever initialValues changes identity.
  const initialValues = useMemo(
    () => (editing && !('id' in editing) ? { date: editing.date, kind: 'holiday' } : undefined),
    [editing],
  );
  const pick = (date: string) => setEditing(items.find((d) => d.date === date) ?? { date });

  return (
    <>
      <PageHeader
        title={t('nav.holidays')}
        extra={
          <>
            <Select
              value={year}
              onChange={(y) => {
                setYear(y);
                setLoaded(null);
              }}
              aria-label={t('holidays.year')}
              data-testid="holiday-year"
              style={{ width: 190 }}
              options={years.map((y) => ({
                value: y,
                label: isProvisional(y)
                  ? `${t('holidays.yearLabel', { year: y })} · ${t('holidays.provisional')}`
                  : t('holidays.yearLabel', { year: y }),
              }))}
            />
            <Button
              icon={<CloudDownloadOutlined />}
              onClick={loadYear}
              loading={load.isPending}
              disabled={!isKnown}
              data-testid="load-cn"
            >
              {t('holidays.loadCn')}
            </Button>
            <ExportButton path="calendar-days" query={query} />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ date: `${year}-01-01` })}
              data-testid="new-day"
            >
              {t('holidays.add')}
            </Button>
          </>
        }
      />
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {!isKnown && <Alert type="info" showIcon title={t('holidays.unknownYear', { year })} />}
        {isProvisional(year) && <Alert type="warning" showIcon title={t('holidays.provisionalHint', { year })} />}
        {loaded && (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setLoaded(null)}
            data-testid="load-result"
            title={t('holidays.loadedTitle', { year: loaded.year })}
            description={
              <Space wrap>
                <span>
                  {t('holidays.loadedSummary', {
                    created: loaded.created,
                    updated: loaded.updated,
                    unchanged: loaded.unchanged,
                  })}
                </span>
                {loaded.isProvisional && <Tag color="orange">{t('holidays.provisional')}</Tag>}
              </Space>
            }
          />
        )}
        <Space wrap>
          <Tag color="red">{t('holidays.countHoliday', { n: counts.holiday })}</Tag>
          <Tag color="blue">{t('holidays.countWorkday', { n: counts.workday })}</Tag>
          <Typography.Text type="secondary">{t('holidays.legend')}</Typography.Text>
        </Space>
        <YearCalendar year={year} days={items} onPick={pick} />
        <Card size="small" title={t('holidays.list', { year })}>
          <Table<Day>
            rowKey="id"
            size="small"
            loading={days.isFetching}
            dataSource={items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: isKnown ? t('holidays.emptyKnown') : t('holidays.empty') }}
            columns={[
              {
                key: 'date',
                title: t('holidays.date'),
                dataIndex: 'date',
                render: (d: string) => formatDate(d, locale),
              },
              {
                key: 'weekday',
                title: t('holidays.weekday'),
                dataIndex: 'date',
                render: (d: string) =>
                  new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
                    new Date(`${d}T00:00:00Z`),
                  ),
              },
              {
                key: 'kind',
                title: t('holidays.kindLabel'),
                dataIndex: 'kind',
                render: (k: Day['kind']) => (
                  <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`holidays.kind.${k}`)}</Tag>
                ),
              },
              {
                key: 'name',
                title: t('holidays.name'),
                dataIndex: 'name',
                render: (n: string | null) => holidayName(n, locale),
              },
              {
                key: 'actions',
                title: t('common.actions'),
                render: (_v, d) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => setEditing(d)}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('holidays.deleteConfirm', { date: formatDate(d.date, locale) })}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => deleteDay(d)}
                    >
                      <Button size="small" danger>
                        {t('common.remove')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </Space>
      <RecordDrawer
        path="calendar-days"
        fields={['date', 'kind', 'name']}
        record={editing && 'id' in editing ? editing : undefined}
        initialValues={initialValues}
        isOpen={editing !== null}
        title={editing && 'id' in editing ? t('holidays.edit') : t('holidays.add')}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
