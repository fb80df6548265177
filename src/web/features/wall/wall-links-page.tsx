import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.ts';
import { useCreateWallLink, useRevokeWallLink, useWallLinks, type WallLink } from '../../api/wall.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { applyProblemToForm, problemText } from '../../ui/problem.ts';
import { RefSelect } from '../../ui/ref-select.tsx';

/** 激励墙链接: read-only links for office screens; the address is shown once, revoking ends it. */
export function WallLinksPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const timeZone = useMe().data?.timeZone ?? 'Asia/Shanghai';
  const links = useWallLinks();
  const create = useCreateWallLink();
  const revoke = useRevokeWallLink();
  const [isCreating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; unitId?: string | null }>();

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const link = await create.mutateAsync({ name: values.name, unitId: values.unitId ?? null });
      setCreating(false);
      form.resetFields();
      setCreated(`${window.location.origin}/wall/${link.token}`);
    } catch (error) {
      if (!applyProblemToForm(form, error, locale, t)) message.error(problemText(error, locale, t));
    }
  };

  return (
    <>
      <PageHeader
        title={t('wallLinks.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="wall-link-new">
            {t('wallLinks.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('wallLinks.intro')}</Typography.Paragraph>
      {created && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setCreated(null)}
          style={{ marginBottom: 16 }}
          title={t('wallLinks.createdTitle')}
          description={
            <>
              <Typography.Paragraph
                copyable={{ text: created }}
                data-testid="wall-link-url"
                style={{ marginBottom: 4 }}
              >
                {created}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('wallLinks.createdHint')}</Typography.Text>
            </>
          }
        />
      )}
      <Table<WallLink>
        rowKey="id"
        loading={links.isLoading}
        dataSource={links.data ?? []}
        pagination={false}
        locale={{ emptyText: t('wallLinks.empty') }}
        columns={[
          { key: 'name', title: t('wallLinks.name'), dataIndex: 'name' },
          {
            key: 'unit',
            title: t('wallLinks.unit'),
            render: (_, l) => l.unitName ?? t('wallLinks.wholeCompany'),
          },
          {
            key: 'createdAt',
            title: t('wallLinks.createdAt'),
            render: (_, l) => formatDateTime(l.createdAt, locale, timeZone),
          },
          {
            key: 'lastSeenAt',
            title: t('wallLinks.lastSeenAt'),
            render: (_, l) => (l.lastSeenAt ? formatDateTime(l.lastSeenAt, locale, timeZone) : '—'),
          },
          {
            key: 'status',
            title: t('wallLinks.status'),
            render: (_, l) =>
              l.revokedAt ? <Tag>{t('wallLinks.revoked')}</Tag> : <Tag color="green">{t('wallLinks.active')}</Tag>,
          },
          {
            key: 'actions',
            title: '',
            render: (_, l) =>
              !l.revokedAt && (
                <Popconfirm
                  title={t('wallLinks.revokeConfirm', { name: l.name })}
                  onConfirm={async () => {
                    await revoke.mutateAsync(l.id);
                    message.success(t('wallLinks.revokedDone', { name: l.name }));
                  }}
                >
                  <Button danger size="small">
                    {t('wallLinks.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={isCreating}
        title={t('wallLinks.create')}
        onOk={submit}
        okButtonProps={{ loading: create.isPending, 'data-testid': 'wall-link-save' }}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="name"
            label={t('wallLinks.name')}
            rules={[{ required: true, message: t('wallLinks.nameRequired') }]}
          >
            <Input placeholder={t('wallLinks.namePlaceholder')} id="wall-link-name" />
          </Form.Item>
          <Form.Item name="unitId" label={t('wallLinks.unit')} extra={t('wallLinks.unitHint')}>
            <RefSelect refKind="orgUnits" placeholder={t('wallLinks.wholeCompany')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
