import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CustomMetric,
  useCustomMetrics,
  useCustomSources,
  useDeleteCustomMetric,
} from '../../api/custom-metrics.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { problemText } from '../../ui/problem.ts';
import { CustomMetricDrawer } from './custom-metric-drawer.tsx';
import { definitionSummary } from './custom-metric-form.ts';

/** Admin › 自定义指标: metrics defined without code; once saved they work like built-ins. */
export function CustomMetricsPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const { message } = App.useApp();
  const list = useCustomMetrics();
  const sources = useCustomSources();
  const remove = useDeleteCustomMetric();
  const [editing, setEditing] = useState<CustomMetric | null>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  // A metric still used by formulas: the server's code and params say so in the UI language.
  const deleteText = (error: unknown) => problemText(error, locale, t);

  const onDelete = async (m: CustomMetric) => {
    setDeleteError(null);
    try {
      await remove.mutateAsync(m.id);
      message.success(t('customMetrics.deleted', { key: m.key }));
    } catch (error) {
      setDeleteError(deleteText(error));
    }
  };

  return (
    <>
      <PageHeader
        title={t('nav.customMetrics')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="cm-new"
            disabled={!sources.data}
            onClick={() => {
              setEditing(null);
              setIsOpen(true);
            }}
          >
            {t('customMetrics.new')}
          </Button>
        }
      />
      {(list.isError || deleteError) && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setDeleteError(null)}
          title={deleteError ?? problemText(list.error, locale, t)}
          style={{ marginBottom: 12 }}
          data-testid="cm-delete-error"
        />
      )}
      <Card size="small" title={t('customMetrics.hint')}>
        <Table<CustomMetric>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="cm-table"
          locale={{ emptyText: t('customMetrics.empty') }}
          columns={[
            { key: 'key', title: t('customMetrics.key'), dataIndex: 'key', width: 150 },
            {
              key: 'name',
              title: t('metrics.metric'),
              render: (_v, m) => <Typography.Text strong>{pick(m.name)}</Typography.Text>,
            },
            {
              key: 'category',
              title: t('metrics.category'),
              width: 100,
              render: (_v, m) => <Tag>{t(`metrics.categories.${m.category}`)}</Tag>,
            },
            {
              key: 'unit',
              title: t('customMetrics.unit'),
              width: 90,
              render: (_v, m) => t(`customMetrics.units.${m.unit}`),
            },
            {
              key: 'direction',
              title: t('customMetrics.direction'),
              width: 100,
              render: (_v, m) => t(`customMetrics.${m.direction}`),
            },
            {
              key: 'definition',
              title: t('customMetrics.definition'),
              render: (_v, m) => (
                <Space size={4}>
                  <Tag color={m.definition.kind === 'formula' ? 'purple' : 'cyan'}>
                    {t(m.definition.kind === 'formula' ? 'customMetrics.formulaMode' : 'customMetrics.aggregateMode')}
                  </Tag>
                  <Typography.Text code>{definitionSummary(m)}</Typography.Text>
                </Space>
              ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 120,
              render: (_v, m) => (
                <Space>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    data-testid={`cm-edit-${m.key}`}
                    onClick={() => {
                      setEditing(m);
                      setIsOpen(true);
                    }}
                  />
                  <Popconfirm title={t('customMetrics.confirmDelete', { key: m.key })} onConfirm={() => onDelete(m)}>
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.remove')}
                      data-testid={`cm-delete-${m.key}`}
                    />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CustomMetricDrawer
        open={isOpen}
        metric={editing}
        sources={sources.data ?? []}
        onClose={() => setIsOpen(false)}
      />
    </>
  );
}
