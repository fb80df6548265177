import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { type RecordOf, useRecordPage, useSaveRecord } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { applyProblemToForm, issueMessage } from '../../ui/problem.ts';
import { RefName, RefSelect } from '../../ui/ref-select.tsx';
import { addDays, planTransfer } from './transfer-plan.ts';

type Person = RecordOf<'people'>;
type Membership = RecordOf<'memberships'>;
type Values = { unitId: string; startOn: string };

/** 调动: ends the current membership the day before the chosen date and starts the new one on it. */
export function TransferDrawer({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const client = useQueryClient();
  const today = useMe().data?.today ?? dayjs().format('YYYY-MM-DD');
  const [form] = Form.useForm<Values>();
  const [messages, setMessages] = useState<string[]>([]);
  const [isBusy, setBusy] = useState(false);
  const save = useSaveRecord('memberships');
  const history = useRecordPage(
    'memberships',
    { personId: person?.id, sort: '-startOn', limit: 100 },
    { enabled: !!person },
  );
  const rows = history.data?.items ?? [];
  const submit = async (v: Values) => {
    if (!person) return;
    setMessages([]);
    const plan = planTransfer(rows, v.unitId, v.startOn);
    if (plan.problem) {
      const date = plan.problem.values?.date;
      const text = t(plan.problem.key, date ? { date: formatDate(date, locale) } : {});
      form.setFields([{ name: plan.problem.field, errors: [text] }]);
      return;
    }
    setBusy(true);
    const { current } = plan;
    try {
      if (current) await save.mutateAsync({ id: current.id, values: { endOn: addDays(v.startOn, -1) } });
      try {
        await save.mutateAsync({ values: { personId: person.id, unitId: v.unitId, startOn: v.startOn } });
      } catch (error) {
        // The new membership was refused: give the old one its end back, so nothing is half done.
        if (current) await save.mutateAsync({ id: current.id, values: { endOn: current.endOn } });
        throw error;
      }
      await client.invalidateQueries({ queryKey: ['people'] });
      message.success(t('transfer.done', { name: person.name, date: formatDate(v.startOn, locale) }));
      form.resetFields(['unitId']);
    } catch (error) {
      const issue = error instanceof ApiError ? error.problem.errors?.find((i) => i.field === 'endOn') : undefined;
      if (issue) form.setFields([{ name: 'startOn', errors: [issueMessage(issue, locale, t)] }]);
      else setMessages(applyProblemToForm(form, error, locale, t).messages);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={!!person}
      title={t('transfer.title', { name: person?.name ?? '' })}
      onClose={onClose}
      size={Math.min(620, window.innerWidth)}
      destroyOnHidden
      afterOpenChange={(open) => open || setMessages([])}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button type="primary" loading={isBusy} onClick={() => form.submit()} data-testid="transfer-save">
            {t('transfer.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        name="transfer"
        layout="vertical"
        onFinish={submit}
        initialValues={{ startOn: today }}
        data-testid="transfer-form"
      >
        {messages.length > 0 && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={messages.join('\n')} />
        )}
        <Form.Item
          name="unitId"
          label={t('transfer.unit')}
          rules={[{ required: true, message: t('form.required', { field: t('transfer.unit') }) }]}
        >
          <RefSelect refKind="orgUnits" aria-label={t('transfer.unit')} />
        </Form.Item>
        <Form.Item
          name="startOn"
          label={t('transfer.startOn')}
          extra={t('transfer.startOnHint')}
          rules={[{ required: true, message: t('form.required', { field: t('transfer.startOn') }) }]}
          getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })}
          normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      <Typography.Title level={5}>{t('transfer.history')}</Typography.Title>
      <Table<Membership>
        rowKey="id"
        size="small"
        loading={history.isFetching}
        dataSource={rows}
        pagination={false}
        data-testid="membership-history"
        locale={{ emptyText: t('transfer.noHistory') }}
        columns={[
          {
            key: 'unit',
            title: t('transfer.unit'),
            dataIndex: 'unitId',
            render: (id: string) => <RefName refKind="orgUnits" id={id} />,
          },
          {
            key: 'startOn',
            title: t('transfer.from'),
            dataIndex: 'startOn',
            render: (d: string) => formatDate(d, locale),
          },
          {
            key: 'endOn',
            title: t('transfer.to'),
            dataIndex: 'endOn',
            render: (d: string | null) => (d ? formatDate(d, locale) : t('transfer.open')),
          },
          {
            key: 'state',
            title: '',
            render: (_v, m) =>
              (m.startOn ?? '') > today ? (
                <Tag color="blue">{t('transfer.upcoming')}</Tag>
              ) : m.endOn === null || m.endOn >= today ? (
                <Tag color="green">{t('transfer.current')}</Tag>
              ) : null,
          },
        ]}
      />
    </Drawer>
  );
}
