import { Card, Col, Row, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordOf } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { ExportButton } from '../../ui/export-button.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { RecordListPage } from '../../ui/record-list-page.tsx';
import { ActivityTimeline } from './activity-timeline.tsx';
import { InvalidMark } from './invalid-mark.tsx';
import { LogActivityForm } from './log-activity-form.tsx';

type View = 'timeline' | 'list';

function ViewSwitch({ view, onChange }: { view: View; onChange: (v: View) => void }) {
  const { t } = useTranslation();
  return (
    <Segmented<View>
      value={view}
      onChange={onChange}
      options={[
        { value: 'timeline', label: t('activities.viewTimeline') },
        { value: 'list', label: t('activities.viewList') },
      ]}
      data-testid="activities-view"
    />
  );
}

/** Follow-ups as a table, with the invalid mark: what the export writes. */
function ActivityList({
  title,
  view,
  onView,
  personId,
}: {
  title: string;
  view: View;
  onView: (v: View) => void;
  personId?: string;
}) {
  return (
    <RecordListPage
      path="activities"
      title={title}
      columns={['occurredAt', 'personId', 'customerId', 'type', 'durationMin', 'notes', 'invalidReason']}
      defaultSort="-occurredAt"
      scope={personId ? 'mine' : 'team'}
      mineField="personId"
      extraActions={<ViewSwitch view={view} onChange={onView} />}
      render={{
        invalidReason: (v: unknown) => <InvalidMark reason={v as RecordOf<'activities'>['invalidReason']} />,
        notes: (v: unknown) => <span style={{ display: 'inline-block', maxWidth: 320 }}>{String(v ?? '')}</span>,
      }}
    />
  );
}

export function MyActivitiesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [view, setView] = useState<View>('timeline');
  const personId = me?.personId ?? undefined;
  if (view === 'list')
    return <ActivityList title={t('nav.activities')} view={view} onView={setView} personId={personId} />;
  return (
    <>
      <PageHeader
        title={t('nav.activities')}
        extra={
          <>
            <ViewSwitch view={view} onChange={setView} />
            <ExportButton path="activities" query={{ personId, sort: '-occurredAt' }} />
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('activities.logTitle')}>
            <LogActivityForm />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('activities.myTimeline')}>
            <ActivityTimeline personId={personId} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

export function TeamActivitiesPage() {
  const { t } = useTranslation();
  const people = usePeople();
  const [personId, setPersonId] = useState<string | undefined>();
  const [view, setView] = useState<View>('timeline');
  if (view === 'list') return <ActivityList title={t('nav.teamActivities')} view={view} onView={setView} />;
  return (
    <>
      <PageHeader
        title={t('nav.teamActivities')}
        extra={
          <>
            <ViewSwitch view={view} onChange={setView} />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('activities.pickPerson')}
              aria-label={t('activities.pickPerson')}
              value={personId}
              onChange={setPersonId}
              options={people.options}
              style={{ width: 200 }}
            />
            <ExportButton path="activities" query={{ personId, sort: '-occurredAt' }} />
          </>
        }
      />
      <Card size="small">
        <ActivityTimeline personId={personId} />
      </Card>
    </>
  );
}
