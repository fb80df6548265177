import { Card, Col, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { ActivityTimeline } from './activity-timeline.tsx';
import { LogActivityForm } from './log-activity-form.tsx';

export function MyActivitiesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <>
      <PageHeader title={t('nav.activities')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('activities.logTitle')}>
            <LogActivityForm />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('activities.myTimeline')}>
            <ActivityTimeline personId={me?.personId ?? undefined} />
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
  return (
    <>
      <PageHeader
        title={t('nav.teamActivities')}
        extra={
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
        }
      />
      <Card size="small">
        <ActivityTimeline personId={personId} />
      </Card>
    </>
  );
}
