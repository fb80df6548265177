import { Alert, Button, Drawer, Form, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type KindPath, type RecordOf, useSaveRecord } from '../api/records.ts';
import { useLocale } from './locale.ts';
import { applyProblemToForm } from './problem.ts';
import { RecordFields, toApiValues, toFormValues } from './record-fields.tsx';

type Props<P extends KindPath> = {
  path: P;
  fields: readonly string[];
  /** The record to edit; undefined creates a new one. */
  record?: RecordOf<P>;
  initialValues?: Record<string, unknown>;
  isOpen: boolean;
  title: string;
  onClose: () => void;
  onSaved?: (record: RecordOf<P>) => void;
};

/**
 * A create/edit form for any record kind in a side drawer. On a refusal the server's reasons go
 * next to their fields and the form keeps everything typed.
 */
export function RecordDrawer<P extends KindPath>({
  path,
  fields,
  record,
  initialValues,
  isOpen,
  title,
  onClose,
  onSaved,
}: Props<P>) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm();
  const save = useSaveRecord(path);
  const [messages, setMessages] = useState<string[]>([]);
  // The form is built on the first open, not with the page: a list's first paint stays light.
  const [isMounted, setMounted] = useState(isOpen);
  if (isOpen && !isMounted) setMounted(true);
  useEffect(() => {
    if (!isOpen) return;
    form.resetFields();
    form.setFieldsValue(record ? toFormValues(path, record as Record<string, unknown>) : (initialValues ?? {}));
    setMessages([]);
  }, [isOpen, record, initialValues, form, path]);
  const submit = async (values: Record<string, unknown>) => {
    setMessages([]);
    try {
      const result = await save.mutateAsync({ id: record?.id, values: toApiValues(path, values, !!record) as never });
      onSaved?.(result.record);
      onClose();
    } catch (error) {
      setMessages(applyProblemToForm(form, error, locale, t).messages);
    }
  };
  if (!isMounted) return null;
  return (
    <Drawer
      open={isOpen}
      title={title}
      onClose={onClose}
      size={Math.min(560, window.innerWidth)}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="drawer-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        {messages.length > 0 && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={messages.join('\n')} />
        )}
        <RecordFields kind={path} fields={fields} isEdit={!!record} />
      </Form>
    </Drawer>
  );
}
