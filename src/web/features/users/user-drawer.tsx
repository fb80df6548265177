import { Alert, App, Button, Drawer, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type User, type UserCreate, useSaveUser } from '../../api/admin.ts';
import { useLocale } from '../../ui/locale.ts';
import { applyProblemToForm } from '../../ui/problem.ts';
import { RefSelect } from '../../ui/ref-select.tsx';

export const ROLES = ['admin', 'manager', 'rep', 'finance'] as const;
export const MIN_PASSWORD = 8;

type Values = Omit<UserCreate, 'locale'> & { locale?: UserCreate['locale'] | '' };

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
}

/** Creates an account (user undefined) or edits one: role, name, linked person, language. */
export function UserDrawer({ user, isOpen, onClose }: { user?: User; isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const save = useSaveUser();
  const [messages, setMessages] = useState<string[]>([]);
  const roleOptions = useRoleOptions();
  // The form is built afresh on each open (destroyOnHidden) from these values: nothing resets it
  // later, so whatever is typed stays until the drawer closes.
  const initialValues: Partial<Values> = user
    ? { ...user, locale: user.locale === 'zh-CN' || user.locale === 'en' ? user.locale : '' }
    : { role: 'rep', locale: '', personId: null };
  const submit = async (v: Values) => {
    setMessages([]);
    const common = {
      role: v.role,
      displayName: v.displayName,
      personId: v.personId ?? null,
      locale: v.locale || null,
    };
    try {
      if (user) await save.mutateAsync({ id: user.id, values: common });
      else await save.mutateAsync({ values: { ...common, email: v.email, password: v.password } });
      onClose();
    } catch (error) {
      setMessages(applyProblemToForm(form, error, locale, t).messages);
    }
  };
  const required = (field: string) => ({ required: true, message: t('form.required', { field }) });
  return (
    <Drawer
      open={isOpen}
      title={user ? t('users.edit') : t('users.new')}
      onClose={onClose}
      size={Math.min(480, window.innerWidth)}
      destroyOnHidden
      afterOpenChange={(open) => open || setMessages([])}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="drawer-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        name="user"
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues}
        scrollToFirstError
      >
        {messages.length > 0 && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={messages.join('\n')} />
        )}
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={user ? [] : [required(t('users.email')), { type: 'email', message: t('users.emailFormat') }]}
        >
          <Input disabled={!!user} autoComplete="off" maxLength={200} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('users.passwordHint', { n: MIN_PASSWORD })}
            rules={[required(t('users.password'))]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required(t('users.displayName'))]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[required(t('users.role'))]}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item name="personId" label={t('users.person')} extra={t('users.personHint')}>
          <RefSelect refKind="people" placeholder={t('users.pickPerson')} />
        </Form.Item>
        <Form.Item name="locale" label={t('users.locale')}>
          <Select
            options={[
              { value: '', label: t('users.localeBrowser') },
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** Sets a new password for an account (the user is not asked for the old one). */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const save = useSaveUser();
  const [messages, setMessages] = useState<string[]>([]);
  const submit = async (v: { password: string }) => {
    if (!user) return;
    try {
      await save.mutateAsync({ id: user.id, values: { password: v.password } });
      message.success(t('users.passwordReset', { name: user.displayName }));
      onClose();
    } catch (error) {
      setMessages(applyProblemToForm(form, error, locale, t).messages);
    }
  };
  return (
    <Modal
      open={!!user}
      title={t('users.resetTitle', { name: user?.displayName ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      afterOpenChange={(open) => open || setMessages([])}
      okButtonProps={{ 'data-testid': 'password-save' } as Record<string, string>}
    >
      <Form form={form} name="resetPassword" layout="vertical" onFinish={submit}>
        {messages.length > 0 && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={messages.join('\n')} />
        )}
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('users.passwordHint', { n: MIN_PASSWORD })}
          rules={[{ required: true, message: t('form.required', { field: t('users.newPassword') }) }]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('form.required', { field: t('users.confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: async (_r, value: string) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('users.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
