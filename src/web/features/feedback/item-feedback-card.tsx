import { Alert, App, Button, Card, Form, Input, Rate, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Feedback, useSaveFeedback } from '../../api/disputes.ts';
import type { SchemeItem } from '../../api/scoring.ts';
import { useLocale } from '../../ui/locale.ts';
import { applyProblemToForm } from '../../ui/problem.ts';

type Values = { rating: number; comment?: string };

/** One item of a scheme, with the person's own rating (1-5) and comment, saved on its own. */
export function ItemFeedbackCard({
  versionId,
  item,
  metricName,
  rule,
  mine,
}: {
  versionId: string;
  item: SchemeItem;
  metricName: string;
  /** The item's scoring rule in words (linear with floor and cap, or its steps). */
  rule: string;
  mine: Feedback | undefined;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveFeedback();
  const [messages, setMessages] = useState<string[]>([]);

  useEffect(() => {
    form.setFieldsValue({ rating: mine?.rating ?? undefined, comment: mine?.comment ?? '' });
  }, [mine, form]);

  const submit = async (values: Values) => {
    setMessages([]);
    try {
      await save.mutateAsync({
        id: mine?.id,
        body: {
          schemeVersionId: versionId,
          metricId: item.metricId,
          rating: values.rating,
          comment: values.comment?.trim() || null,
        },
      });
      message.success(t('disp.feedback.saved', { item: metricName }));
    } catch (error) {
      setMessages(applyProblemToForm(form, error, locale, t).messages);
    }
  };

  return (
    <Card
      size="small"
      data-testid={`feedback-item-${item.metricId}`}
      title={
        <Space wrap>
          <Typography.Text strong>{metricName}</Typography.Text>
          <Tag color={item.role === 'primary' ? 'blue' : 'default'}>{t(`schemes.roles.${item.role}`)}</Tag>
          <Typography.Text type="secondary">{t('disp.feedback.weight', { weight: item.weight })}</Typography.Text>
        </Space>
      }
      extra={mine && <Tag color="green">{t('disp.feedback.rated')}</Tag>}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {rule}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="rating"
          label={t('disp.feedback.rating')}
          rules={[{ required: true, message: t('disp.feedback.pickRating') }]}
        >
          <Rate
            tooltips={[1, 2, 3, 4, 5].map((n) => t(`disp.feedback.stars.${n}`))}
            data-testid={`rate-${item.metricId}`}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('disp.feedback.comment')}>
          <Input.TextArea
            rows={2}
            maxLength={2000}
            placeholder={t('disp.feedback.commentHint')}
            data-testid={`comment-${item.metricId}`}
          />
        </Form.Item>
        <Button
          htmlType="submit"
          type="primary"
          loading={save.isPending}
          data-testid={`feedback-save-${item.metricId}`}
        >
          {mine ? t('disp.feedback.update') : t('disp.feedback.send')}
        </Button>
      </Form>
      {messages.length > 0 && <Alert type="error" showIcon title={messages.join('; ')} style={{ marginTop: 8 }} />}
    </Card>
  );
}
