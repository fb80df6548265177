import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type User, useSaveUser, useUsers } from '../../api/admin.ts';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import { LocalExportButton } from '../../ui/export-button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { issueMessage, problemText } from '../../ui/problem.ts';
import { ResetPasswordModal, UserDrawer } from './user-drawer.tsx';

const ROLE_COLOR = { admin: 'red', manager: 'blue', rep: 'green', finance: 'gold' } as const;

/** 账号与角色: who may log in, with which role, as which person; disable, enable, reset password. */
export function UsersPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const me = useMe().data;
  const users = useUsers();
  const save = useSaveUser();
  const { nameOf } = usePeople();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const timeZone = me?.timeZone ?? 'Asia/Shanghai';
  const needle = q.trim().toLowerCase();
  const rows = (users.data ?? []).filter(
    (u) => !needle || [u.email, u.displayName, nameOf(u.personId)].some((s) => s.toLowerCase().includes(needle)),
  );
  const localeLabel = (l: string | null) =>
    l === 'zh-CN' ? '简体中文' : l === 'en' ? 'English' : t('users.localeBrowser');
  const status = (u: User) => (u.isDisabled ? t('users.disabled') : t('users.enabled'));

  const setDisabled = async (u: User, isDisabled: boolean) => {
    try {
      await save.mutateAsync({ id: u.id, values: { isDisabled } });
      message.success(
        isDisabled ? t('users.disabledDone', { name: u.displayName }) : t('users.enabledDone', { name: u.displayName }),
      );
    } catch (error) {
      const issue = error instanceof ApiError ? error.problem.errors?.[0] : undefined;
      message.error(issue ? issueMessage(issue, locale, t) : problemText(error, locale, t));
    }
  };

  const columns: ColumnType<User>[] = [
    {
      key: 'displayName',
      title: t('users.displayName'),
      dataIndex: 'displayName',
      sorter: (a, b) => a.displayName.localeCompare(b.displayName, locale),
      render: (v: string, u) => <Typography.Link onClick={() => setEditing(u)}>{v}</Typography.Link>,
    },
    { key: 'email', title: t('users.email'), dataIndex: 'email', sorter: (a, b) => a.email.localeCompare(b.email) },
    {
      key: 'role',
      title: t('users.role'),
      dataIndex: 'role',
      filters: (['admin', 'manager', 'rep', 'finance'] as const).map((r) => ({ text: t(`role.${r}`), value: r })),
      onFilter: (value, u) => u.role === value,
      render: (r: User['role']) => <Tag color={ROLE_COLOR[r]}>{t(`role.${r}`)}</Tag>,
    },
    {
      key: 'person',
      title: t('users.person'),
      dataIndex: 'personId',
      render: (id: string | null) =>
        id ? nameOf(id) : <Typography.Text type="secondary">{t('users.noPerson')}</Typography.Text>,
    },
    { key: 'locale', title: t('users.locale'), dataIndex: 'locale', render: localeLabel },
    {
      key: 'status',
      title: t('users.status'),
      dataIndex: 'isDisabled',
      render: (_v, u) => <Badge status={u.isDisabled ? 'default' : 'success'} text={status(u)} />,
    },
    {
      key: 'createdAt',
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v, locale, timeZone),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_v, u) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setEditing(u)}>
            {t('common.edit')}
          </Button>
          <Button size="small" onClick={() => setResetting(u)} data-testid={`reset-${u.email}`}>
            {t('users.resetPassword')}
          </Button>
          <Popconfirm
            title={
              u.isDisabled
                ? t('users.enableConfirm', { name: u.displayName })
                : t('users.disableConfirm', { name: u.displayName })
            }
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => setDisabled(u, !u.isDisabled)}
          >
            <Button size="small" danger={!u.isDisabled} data-testid={`toggle-${u.email}`}>
              {u.isDisabled ? t('users.enable') : t('users.disable')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          <>
            <Input.Search
              allowClear
              placeholder={t('users.search')}
              aria-label={t('common.search')}
              onSearch={setQ}
              onChange={(e) => e.target.value === '' && setQ('')}
              style={{ width: 220 }}
            />
            <LocalExportButton
              fileName="users.xlsx"
              sheetName={t('nav.users')}
              table={() => ({
                header: ['displayName', 'email', 'role', 'person', 'locale', 'status', 'createdAt'].map((k) =>
                  k === 'createdAt' ? t('common.createdAt') : t(`users.${k === 'person' ? 'person' : k}`),
                ),
                rows: rows.map((u) => [
                  u.displayName,
                  u.email,
                  t(`role.${u.role}`),
                  nameOf(u.personId),
                  localeLabel(u.locale),
                  status(u),
                  formatDateTime(u.createdAt, locale, timeZone),
                ]),
              })}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-user">
              {t('users.new')}
            </Button>
          </>
        }
      />
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={rows}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        rowClassName={(u) => (u.isDisabled ? 'row-disabled' : '')}
        locale={{ emptyText: users.isError ? problemText(users.error, locale, t) : t('users.empty') }}
      />
      <UserDrawer
        user={editing && editing !== 'new' ? editing : undefined}
        isOpen={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
