import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePeople } from './people.ts';

export type ShareRow = { personId: string; role?: 'owner' | 'assist'; sharePct: number };

type Props = {
  value?: ShareRow[] | null;
  onChange?: (rows: ShareRow[]) => void;
  /** Deal teams have owner/assist roles; contract splits only shares. */
  hasRoles: boolean;
  id?: string;
};

/** What is wrong with a set of shares, as catalog keys with values; empty when it is right. */
export function shareProblems(
  rows: readonly ShareRow[],
  hasRoles: boolean,
): Array<{ key: string; values?: Record<string, unknown> }> {
  const problems: Array<{ key: string; values?: Record<string, unknown> }> = [];
  if (rows.length === 0) return [{ key: 'shares.needOne' }];
  if (rows.some((r) => !r.personId)) problems.push({ key: 'shares.pickPerson' });
  const ids = rows.map((r) => r.personId).filter(Boolean);
  if (new Set(ids).size !== ids.length) problems.push({ key: 'shares.duplicate' });
  if (rows.some((r) => !(r.sharePct > 0))) problems.push({ key: 'shares.positive' });
  const total = Math.round(rows.reduce((s, r) => s + (Number(r.sharePct) || 0), 0) * 100) / 100;
  if (total !== 100) problems.push({ key: 'shares.sum', values: { total } });
  if (hasRoles && rows.filter((r) => r.role === 'owner').length !== 1) problems.push({ key: 'shares.oneOwner' });
  return problems;
}

/** People with a role and a percentage; the running total shows whether it reaches 100%. */
export function ShareEditor({ value, onChange, hasRoles, id }: Props) {
  const { t } = useTranslation();
  const { options } = usePeople();
  const rows = value ?? [];
  const set = (index: number, patch: Partial<ShareRow>) =>
    onChange?.(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const total = Math.round(rows.reduce((s, r) => s + (Number(r.sharePct) || 0), 0) * 100) / 100;
  return (
    <div id={id} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until a person is picked
        <Space key={index} wrap align="start" data-testid="share-row">
          <Select
            aria-label={t('shares.person')}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 180 }}
            value={row.personId || undefined}
            options={options}
            placeholder={t('shares.person')}
            onChange={(personId) => set(index, { personId })}
          />
          {hasRoles && (
            <Select
              aria-label={t('shares.role')}
              style={{ width: 110 }}
              value={row.role}
              onChange={(role) => set(index, { role })}
              options={[
                { value: 'owner', label: t('shares.owner') },
                { value: 'assist', label: t('shares.assist') },
              ]}
            />
          )}
          <InputNumber
            aria-label={t('shares.percent')}
            min={0}
            max={100}
            step={5}
            suffix="%"
            style={{ width: 110 }}
            value={row.sharePct}
            onChange={(v) => set(index, { sharePct: Number(v ?? 0) })}
          />
          <Button
            aria-label={t('common.remove')}
            icon={<DeleteOutlined />}
            onClick={() => onChange?.(rows.filter((_, i) => i !== index))}
          />
        </Space>
      ))}
      <Space>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            onChange?.([
              ...rows,
              {
                personId: '',
                ...(hasRoles ? { role: rows.length === 0 ? 'owner' : 'assist' } : {}),
                sharePct: Math.max(0, 100 - total),
              },
            ])
          }
        >
          {t('shares.add')}
        </Button>
        <Typography.Text type={total === 100 ? 'success' : 'danger'} data-testid="share-total">
          {t('shares.total', { total })}
        </Typography.Text>
      </Space>
    </div>
  );
}
