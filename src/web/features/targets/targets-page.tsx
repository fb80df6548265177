import { ApartmentOutlined, CalendarOutlined, EditOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { valueLabel } from '../../api/kinds.ts';
import { useMetricCatalog } from '../../api/metrics.ts';
import { useRecordPage } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { type Pace, usePaces, useTargets } from '../../api/targets.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { problemText } from '../../ui/problem.ts';
import { formatMetric } from '../metrics/metric-format.ts';
import { kindOf } from '../scorecards/period-key.ts';
import { PeriodPicker } from '../scorecards/period-picker.tsx';
import { DecomposeDrawer } from './decompose-drawer.tsx';
import { GridFileButtons } from './grid-file-buttons.tsx';
import { SuggestionsPanel } from './suggestions-panel.tsx';
import { TargetCellEditor } from './target-cell-editor.tsx';
import { buildTargetTree, type TargetRow, visibleRows } from './target-tree.ts';
import { TimeDecomposeDrawer } from './time-decompose-drawer.tsx';

const PACE_COLOR = { green: 'success', yellow: 'warning', red: 'error', none: 'default' } as const;

/** Admin › 目标: one metric and period over the org tree; edit, lock, decompose, and see the pace. */
export function TargetsPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const me = useMe().data;
  const catalog = useMetricCatalog();
  const units = useRecordPage('org-units', { limit: 500 });
  const { people } = usePeople();
  const [metricId, setMetricId] = useState('signed_amount');
  const [period, setPeriod] = useState((me?.today ?? dayjs().format('YYYY-MM-DD')).slice(0, 7));
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [decomposing, setDecomposing] = useState<TargetRow | null>(null);
  const [splitting, setSplitting] = useState<TargetRow | null>(null);
  const metric = catalog.data?.find((m) => m.id === metricId);
  const unit = metric?.unit ?? 'count';
  const targets = useTargets(metricId, period);
  // A manager works on the units they head and everything below them; an admin on the whole company.
  const tree = useMemo(() => {
    const all = units.data?.items ?? [];
    if (me?.role !== 'manager') return buildTargetTree(all, people);
    const heads = all.filter((u) => u.managerId && u.managerId === me.personId).map((u) => u.path ?? '');
    return buildTargetTree(
      all.filter((u) => heads.some((path) => path && (u.path ?? '').startsWith(path))),
      people,
    );
  }, [units.data, people, me]);
  // The company and its regions open at first.
  const expandedKeys = expanded ?? tree.flatMap((r) => [r.key, ...(r.children ?? []).map((c) => c.key)]);
  // The list holds every target overlapping the period (a year's months too): the grid shows the period's own.
  const bySubject = new Map(
    (targets.data ?? [])
      .filter((x) => x.periodKey === period)
      .map((x) => [x.subject.kind === 'tenant' ? 'tenant' : `${x.subject.kind}:${x.subject.id}`, x]),
  );
  const isMonth = kindOf(period) === 'month';
  const year = isMonth ? period.slice(0, 4) : period;
  const unitList = (units.data?.items ?? []).map((u) => ({ id: u.id, name: u.name ?? u.id }));
  const nameOf = (s: { kind: string; id?: string | undefined }) =>
    (s.kind === 'unit' ? unitList.find((u) => u.id === s.id)?.name : people.find((p) => p.id === s.id)?.name) ??
    s.id ??
    '';
  const paced = isMonth
    ? visibleRows(tree, new Set(expandedKeys))
        .map((r) => r.subject)
        .filter((s) => bySubject.has(s))
    : [];
  const paces = usePaces(metricId, period, paced);
  const paceOf = new Map<string, Pace | undefined>(paced.map((s, i) => [s, paces[i]?.data]));

  const paceCell = (row: TargetRow) => {
    const p = paceOf.get(row.subject);
    if (!p?.status) return null;
    return (
      <Tooltip
        title={t('targets.paceHelp', {
          actual: formatMetric(p.actual, unit, locale),
          expected: formatMetric(p.expectedToDate, unit, locale),
          ratio: p.ratio === null || p.ratio === undefined ? '—' : `${Math.round(p.ratio * 100)}%`,
        })}
      >
        <Badge
          status={PACE_COLOR[p.status]}
          text={t(`targets.pace.${p.status}`)}
          data-testid={`pace-${row.subject}`}
          data-status={p.status}
        />
      </Tooltip>
    );
  };

  return (
    <>
      <PageHeader
        title={t('nav.targets')}
        extra={
          <>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 200 }}
              value={metricId}
              onChange={(v) => {
                setMetricId(v);
                setEditing(null);
              }}
              aria-label={t('metrics.metric')}
              data-testid="targets-metric"
              options={(catalog.data ?? []).map((m) => ({ value: m.id, label: pick(m.name) }))}
            />
            <PeriodPicker
              value={period}
              kinds={['month', 'year']}
              onChange={(p) => {
                setPeriod(p);
                setEditing(null);
              }}
            />
            <GridFileButtons metricId={metricId} unit={unit} year={year} nameOf={nameOf} />
          </>
        }
      />
      {targets.isError && (
        <Alert type="error" showIcon title={problemText(targets.error, locale, t)} style={{ marginBottom: 12 }} />
      )}
      <Card size="small" title={t('targets.hint')}>
        <Table<TargetRow>
          rowKey="key"
          size="small"
          pagination={false}
          loading={units.isLoading || targets.isLoading}
          dataSource={tree}
          data-testid="targets-grid"
          scroll={{ x: 900 }}
          expandable={{
            expandedRowKeys: expandedKeys,
            onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          }}
          columns={[
            {
              key: 'name',
              title: t('targets.subject'),
              render: (_v, r) => (
                <Space size={4}>
                  <span>{r.name}</span>
                  {r.kind === 'unit' && r.unitKind && <Tag>{valueLabel('org-units', 'kind', r.unitKind, locale)}</Tag>}
                </Space>
              ),
            },
            {
              key: 'target',
              title: t('targets.target'),
              width: 520,
              render: (_v, r) => {
                const target = bySubject.get(r.subject);
                if (editing === r.subject)
                  return (
                    <TargetCellEditor
                      metricId={metricId}
                      unit={unit}
                      subject={r.subject}
                      period={period}
                      current={target}
                      onDone={() => setEditing(null)}
                    />
                  );
                return (
                  <Space>
                    <Typography.Text data-testid={`target-${r.subject}`}>
                      {target ? formatMetric(target.value, unit, locale) : '—'}
                    </Typography.Text>
                    {target?.isLocked && (
                      <Tooltip title={t('targets.lockedHelp')}>
                        <LockOutlined data-testid={`locked-${r.subject}`} />
                      </Tooltip>
                    )}
                    <Button
                      size="small"
                      type="text"
                      icon={<EditOutlined />}
                      aria-label={t('common.edit')}
                      data-testid={`edit-${r.subject}`}
                      onClick={() => setEditing(r.subject)}
                    />
                  </Space>
                );
              },
            },
            ...(isMonth
              ? [
                  {
                    key: 'pace',
                    title: t('targets.paceTitle'),
                    width: 130,
                    render: (_v: unknown, r: TargetRow) => paceCell(r),
                  },
                ]
              : []),
            {
              key: 'actions',
              title: t('common.actions'),
              width: 130,
              render: (_v, r) =>
                !isMonth && bySubject.has(r.subject) ? (
                  <Button
                    size="small"
                    icon={<CalendarOutlined />}
                    onClick={() => setSplitting(r)}
                    data-testid={`split-months-${r.subject}`}
                  >
                    {t('tgt.splitMonths')}
                  </Button>
                ) : r.kind === 'unit' && r.children?.length ? (
                  <Button
                    size="small"
                    icon={<ApartmentOutlined />}
                    onClick={() => setDecomposing(r)}
                    data-testid={`decompose-${r.subject}`}
                  >
                    {t('targets.decompose')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <DecomposeDrawer
        row={decomposing}
        metricId={metricId}
        unit={unit}
        period={period}
        lockedValues={
          new Map(
            (targets.data ?? [])
              .filter((x) => x.isLocked && x.subject.id)
              .map((x) => [x.subject.id as string, x.value]),
          )
        }
        onClose={() => setDecomposing(null)}
      />
      <TimeDecomposeDrawer
        row={splitting}
        metricId={metricId}
        unit={unit}
        year={period}
        onClose={() => setSplitting(null)}
      />
      {isMonth && metric?.aggregation === 'sum' && (
        <SuggestionsPanel metricId={metricId} unit={unit} period={period} units={unitList} />
      )}
    </>
  );
}
