import { Card, Form, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMetricOptions } from './metric-options.ts';

/** The tenant's leaderboard visibility, inside the tenant settings form (settings.leaderboard). */
export function LeaderboardSettingsCard({ isLoading }: { isLoading: boolean }) {
  const { t } = useTranslation();
  const options = useMetricOptions();
  return (
    <Card size="small" title={t('leaderboards.settings.title')} loading={isLoading} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('leaderboards.settings.hint')}</Typography.Paragraph>
      <Form.Item name={['settings', 'leaderboard', 'mode']} label={t('leaderboards.settings.mode')}>
        <Radio.Group
          data-testid="tenant-board-mode"
          options={[
            { value: 'public', label: t('leaderboards.settings.public') },
            { value: 'top', label: t('leaderboards.settings.top') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name={['settings', 'leaderboard', 'topN']}
        label={t('leaderboards.settings.topN')}
        rules={[{ required: true, message: t('form.required', { field: t('leaderboards.settings.topN') }) }]}
      >
        <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} data-testid="tenant-board-top-n" />
      </Form.Item>
      <Form.Item
        name={['settings', 'leaderboard', 'hideNamesFor']}
        label={t('leaderboards.settings.hideNamesFor')}
        extra={t('leaderboards.settings.hideNamesForHint')}
      >
        <Select mode="multiple" allowClear options={options} optionFilterProp="label" />
      </Form.Item>
    </Card>
  );
}
