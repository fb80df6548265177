import { Button, Card, Col, Descriptions, Row, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldLabel, valueLabel } from '../../api/kinds.ts';
import { type RecordOf, useRecordPage } from '../../api/records.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { RecordDrawer } from '../../ui/record-drawer.tsx';

type Unit = RecordOf<'org-units'>;
type TreeNode = { key: string; title: string; children: TreeNode[] };

export function buildOrgTree(units: readonly Unit[], kindLabel: (kind: string | null) => string): TreeNode[] {
  const nodes = new Map(
    units.map((u) => [u.id, { key: u.id, title: `${u.name} · ${kindLabel(u.kind)}`, children: [] as TreeNode[] }]),
  );
  const roots: TreeNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id) as TreeNode;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The org tree; pick a unit to see and edit it (moving it = changing its parent). */
export function OrgPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { nameOf } = usePeople();
  const units = useRecordPage('org-units', { limit: 500, sort: 'sortOrder' });
  const [selected, setSelected] = useState<string | undefined>();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const items = units.data?.items ?? [];
  const tree = useMemo(() => buildOrgTree(items, (k) => valueLabel('org-units', 'kind', k, locale)), [items, locale]);
  const unit = items.find((u) => u.id === selected);
  const label = (f: string) => fieldLabel('org-units', f, locale);
  return (
    <>
      <PageHeader
        title={t('nav.org')}
        extra={
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('admin.newUnit')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card size="small" loading={units.isLoading}>
            {tree.length > 0 && (
              <Tree treeData={tree} defaultExpandAll onSelect={(keys) => setSelected(keys[0] as string | undefined)} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          {unit && (
            <Card
              size="small"
              title={unit.name}
              extra={
                <Button size="small" onClick={() => setEditing(unit)}>
                  {t('common.edit')}
                </Button>
              }
            >
              <Descriptions column={1} size="small">
                <Descriptions.Item label={label('kind')}>
                  {valueLabel('org-units', 'kind', unit.kind, locale)}
                </Descriptions.Item>
                <Descriptions.Item label={label('parentId')}>
                  {items.find((u) => u.id === unit.parentId)?.name}
                </Descriptions.Item>
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
        initialValues={{ kind: 'team', parentId: selected }}
        isOpen={editing !== null}
        title={editing === 'new' ? t('admin.newUnit') : t('common.edit')}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
