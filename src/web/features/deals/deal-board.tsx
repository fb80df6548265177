import { MoreOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Modal, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enumOptions, valueLabel } from '../../api/kinds.ts';
import { type RecordOf, type UpdateOf, useSaveRecord } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { formatMoneyShort } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { usePeople } from '../../ui/people.ts';
import { problemText } from '../../ui/problem.ts';
import { RefName } from '../../ui/ref-select.tsx';

type Deal = RecordOf<'deals'>;
type Stage = NonNullable<Deal['stage']>;

/** The move a drop makes: closing asks won or lost; reopening clears the outcome. */
export function stageChange(deal: Deal, stage: Stage, today: string, outcome?: 'won' | 'lost'): UpdateOf<'deals'> {
  if (stage === 'closed') return { stage, outcome: outcome ?? 'won', closedOn: today };
  if (deal.stage === 'closed') return { stage, outcome: 'open', closedOn: null };
  return { stage };
}

/** Deals as cards in stage columns; drag a card (or use its menu) to move it to another stage. */
export function DealBoard({ deals, onOpen }: { deals: Deal[]; onOpen: (deal: Deal) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const me = useMe().data;
  const { nameOf } = usePeople();
  const save = useSaveRecord('deals');
  const [dragging, setDragging] = useState<string | null>(null);
  const [closing, setClosing] = useState<{ deal: Deal; outcome: 'won' | 'lost' } | null>(null);
  const stages = enumOptions('deals', 'stage', locale);

  const move = async (deal: Deal, stage: Stage, outcome?: 'won' | 'lost') => {
    if (deal.stage === stage) return;
    if (stage === 'closed' && !outcome) {
      setClosing({ deal, outcome: 'won' });
      return;
    }
    try {
      await save.mutateAsync({ id: deal.id, values: stageChange(deal, stage, me?.today ?? '', outcome) });
      message.success(t('deals.moved', { name: deal.name, stage: valueLabel('deals', 'stage', stage, locale) }));
    } catch (error) {
      message.error(problemText(error, locale, t));
    }
  };

  return (
    <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }} data-testid="deal-board">
      {stages.map((s) => {
        const column = deals.filter((d) => d.stage === s.value);
        const total = column.reduce((sum, d) => sum + (d.amountCents ?? 0), 0);
        return (
          <section
            key={s.value}
            aria-label={s.label}
            data-stage={s.value}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const deal = deals.find((d) => d.id === e.dataTransfer.getData('text/plain'));
              setDragging(null);
              if (deal) void move(deal, s.value as Stage);
            }}
            style={{
              flex: '0 0 240px',
              background: dragging ? '#f0f5ff' : '#fafafa',
              borderRadius: 8,
              padding: 8,
              minHeight: 200,
            }}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
              <Typography.Text strong>
                {s.label} · {column.length}
              </Typography.Text>
              <Typography.Text type="secondary">{formatMoneyShort(total, locale)}</Typography.Text>
            </div>
            {column.map((d) => (
              <Card
                key={d.id}
                size="small"
                draggable
                data-testid="deal-card"
                data-deal-id={d.id}
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', d.id);
                  setDragging(d.id);
                }}
                onDragEnd={() => setDragging(null)}
                style={{ marginBottom: 8, cursor: 'grab', opacity: dragging === d.id ? 0.5 : 1 }}
                title={
                  <Typography.Link onClick={() => onOpen(d)} ellipsis style={{ maxWidth: 170 }}>
                    {d.name}
                  </Typography.Link>
                }
                extra={
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: stages
                        .filter((x) => x.value !== d.stage)
                        .map((x) => ({ key: x.value, label: t('deals.moveTo', { stage: x.label }) })),
                      onClick: ({ key }) => void move(d, key as Stage),
                    }}
                  >
                    <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('deals.moveMenu')} />
                  </Dropdown>
                }
              >
                <div style={{ fontSize: 12 }}>
                  <RefName refKind="customers" id={d.customerId} />
                </div>
                <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 4 }}>
                  <Typography.Text strong>{formatMoneyShort(d.amountCents, locale)}</Typography.Text>
                  <Typography.Text type="secondary">{nameOf(d.ownerId)}</Typography.Text>
                </div>
                {d.outcome !== 'open' && (
                  <Tag color={d.outcome === 'won' ? 'green' : 'red'} style={{ marginTop: 4 }}>
                    {valueLabel('deals', 'outcome', d.outcome, locale)}
                  </Tag>
                )}
              </Card>
            ))}
          </section>
        );
      })}
      <Modal
        open={!!closing}
        title={t('deals.closeTitle', { name: closing?.deal.name })}
        onCancel={() => setClosing(null)}
        onOk={async () => {
          if (closing) await move(closing.deal, 'closed', closing.outcome);
          setClosing(null);
        }}
      >
        <Radio.Group
          value={closing?.outcome}
          onChange={(e) => closing && setClosing({ ...closing, outcome: e.target.value })}
          options={[
            { value: 'won', label: valueLabel('deals', 'outcome', 'won', locale) },
            { value: 'lost', label: valueLabel('deals', 'outcome', 'lost', locale) },
          ]}
        />
      </Modal>
    </div>
  );
}
