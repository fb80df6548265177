import type { TreeProps } from 'antd';
import { App, Button, Card, Col, Descriptions, Row, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { fieldLabel, valueLabel } from '../../api/kinds.ts';
import { type RecordOf, useRecordPage, useSaveRecord } from '../../api/records.ts';
import { ExportButton } from '../../ui/export-button.tsx';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { issueMessage, problemText } from '../../ui/problem.ts';
import { RecordDrawer } from '../../ui/record-drawer.tsx';
import { buildOrgTree, type DropPlan, dropWhere, planDrop } from './org-tree.ts';

type Unit = RecordOf<'org-units'>;
/** The org tree: drag a unit onto another to move it there; pick a unit to see and edit it. */
export function OrgPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message, modal } = App.useApp();
  const { nameOf } = usePeople();
  const units = useRecordPage('org-units', { limit: 500, sort: 'sortOrder' });
  const save = useSaveRecord('org-units');
  const [selected, setSelected] = useState<string | undefined>();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const items = units.data?.items ?? [];
  const tree = useMemo(() => buildOrgTree(items, (k) => valueLabel('org-units', 'kind', k, locale)), [items, locale]);
  const unit = items.find((u) => u.id === selected);
  const label = (f: string) => fieldLabel('org-units', f, locale);
  const nameOfUnit = (id: string | null | undefined) => items.find((u) => u.id === id)?.name ?? '';
  const initialValues = useMemo(() => ({ kind: 'team', parentId: selected }), [selected]);

  // Writes a drop: the moved unit first (its parent check may refuse it), then its new siblings' order.
  const apply = async (plan: DropPlan, done: () => void) => {
    setRefusal(null);
    try {
      for (const change of plan.changes) {
        const { id, ...values } = change;
        await save.mutateAsync({ id, values });
      }
      done();
    } catch (error) {
      const issue = error instanceof ApiError ? error.problem.errors?.[0] : undefined;
      setRefusal(issue ? issueMessage(issue, locale, t) : problemText(error, locale, t));
    }
  };

  const onDrop: TreeProps['onDrop'] = (info) => {
    const moved = items.find((u) => u.id === info.dragNode.key);
    if (!moved) return;
    const pos = String(info.node.pos).split('-');
    const where = dropWhere(info.dropToGap, info.dropPosition - Number(pos[pos.length - 1]));
    const plan = planDrop(items, moved.id, String(info.node.key), where);
    if (plan.changes.length === 0) return;
    if (plan.parentId === (moved.parentId ?? null)) {
      // Only the order among siblings changes: nothing moves in the organisation, so no confirm.
      apply(plan, () => message.success(t('disp.org.reordered', { name: moved.name })));
      return;
    }
    modal.confirm({
      title: t('org.moveConfirm', { name: moved.name, parent: nameOfUnit(plan.parentId) || t('org.top') }),
      content: t('org.moveHint'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        apply(plan, () => message.success(t('org.moved', { name: moved.name, parent: nameOfUnit(plan.parentId) }))),
    });
  };

  return (
    <>
      <PageHeader
        title={t('nav.org')}
        extra={
          <>
            <ExportButton path="org-units" query={{ sort: 'sortOrder' }} />
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('admin.newUnit')}
            </Button>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card
            size="small"
            loading={units.isLoading}
            title={<Typography.Text type="secondary">{t('org.dragHint')}</Typography.Text>}
          >
            {refusal && (
              <div role="alert" data-testid="org-refusal" style={{ color: '#cf1322', marginBottom: 8 }}>
                {t('org.moveRefused', { reason: refusal })}
              </div>
            )}
            {tree.length > 0 && (
              <Tree
                treeData={tree}
                defaultExpandAll
                draggable={{ icon: false }}
                blockNode
                onDrop={onDrop}
                onSelect={(keys) => setSelected(keys[0] as string | undefined)}
                data-testid="org-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          {unit && (
            <Card
              size="small"
              title={unit.name}
              extra={
                <Button size="small" onClick={() => setEditing(unit)} data-testid="edit-unit">
                  {t('common.edit')}
                </Button>
              }
            >
              <Descriptions column={1} size="small">
                <Descriptions.Item label={label('kind')}>
                  {valueLabel('org-units', 'kind', unit.kind, locale)}
                </Descriptions.Item>
                <Descriptions.Item label={label('parentId')}>{nameOfUnit(unit.parentId)}</Descriptions.Item>
                <Descriptions.Item label={label('managerId')}>{nameOf(unit.managerId)}</Descriptions.Item>
              </Descriptions>
            </Card>
          )}
        </Col>
      </Row>
      <RecordDrawer
        path="org-units"
        fields={['name', 'kind', 'parentId', 'managerId', 'sortOrder']}
        record={editing && editing !== 'new' ? editing : undefined}
        initialValues={initialValues}
        isOpen={editing !== null}
        title={editing === 'new' ? t('admin.newUnit') : t('common.edit')}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
