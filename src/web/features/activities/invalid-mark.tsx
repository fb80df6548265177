import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTenant } from '../../api/admin.ts';
import { valueLabel } from '../../api/kinds.ts';
import type { RecordOf } from '../../api/records.ts';
import { useLocale } from '../../ui/locale.ts';

type Reason = NonNullable<RecordOf<'activities'>['invalidReason']>;

/** Why a follow-up does not count as a valid one (无客户 / 内容过短 / 重复记录), with the rule on hover. */
export function InvalidMark({ reason }: { reason: Reason | null | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const tenant = useTenant();
  if (!reason) return null;
  const min = tenant.data?.settings.minNotesLength ?? 5;
  return (
    <Tooltip title={t(`activities.invalidHint.${reason}`, { n: min })}>
      <Tag color="warning" icon={<ExclamationCircleOutlined />} data-testid="invalid-mark">
        {t('activities.invalid', { reason: valueLabel('activities', 'invalidReason', reason, locale) })}
      </Tag>
    </Tooltip>
  );
}
