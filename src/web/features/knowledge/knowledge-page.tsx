import { LikeOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RecordOf, useRecordPage, useSaveRecord } from '../../api/records.ts';
import { useMe } from '../../api/session.ts';
import { CursorPager, useCursorPaging } from '../../ui/cursor-paging.tsx';
import { ExportButton } from '../../ui/export-button.tsx';
import { formatDate } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { usePeople } from '../../ui/people.ts';
import { problemText } from '../../ui/problem.ts';
import { RecordDrawer } from '../../ui/record-drawer.tsx';

type Post = RecordOf<'knowledge-posts'>;

/** 案例库: cases colleagues shared; read one, mark it useful, post your own. */
export function KnowledgePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const me = useMe().data;
  const { nameOf } = usePeople();
  const [q, setQ] = useState('');
  const [reading, setReading] = useState<Post | null>(null);
  const [isPosting, setPosting] = useState(false);
  const paging = useCursorPaging(q, 20);
  const posts = useRecordPage('knowledge-posts', {
    q,
    sort: '-publishedAt',
    limit: paging.limit,
    cursor: paging.cursor,
  });
  const myVotes = useRecordPage(
    'knowledge-votes',
    { voterId: me?.personId ?? undefined, limit: 500 },
    { enabled: !!me?.personId },
  );
  const vote = useSaveRecord('knowledge-votes');
  const voted = new Set((myVotes.data?.items ?? []).map((v) => v.postId));
  const markUseful = async (post: Post) => {
    try {
      await vote.mutateAsync({ values: { postId: post.id } });
      message.success(t('knowledge.thanks'));
    } catch (error) {
      message.error(problemText(error, locale, t));
    }
  };
  const usefulButton = (p: Post) => (
    <Button
      size="small"
      icon={<LikeOutlined />}
      type={voted.has(p.id) ? 'primary' : 'default'}
      disabled={voted.has(p.id)}
      onClick={() => markUseful(p)}
    >
      {voted.has(p.id) ? t('knowledge.markedUseful') : t('knowledge.useful')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('nav.knowledge')}
        extra={
          <>
            <Input.Search
              allowClear
              placeholder={t('common.search')}
              aria-label={t('common.search')}
              onSearch={setQ}
              style={{ width: 220 }}
            />
            <ExportButton path="knowledge-posts" query={{ q, sort: '-publishedAt' }} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)}>
              {t('knowledge.post')}
            </Button>
          </>
        }
      />
      <Card size="small">
        <List<Post>
          loading={posts.isLoading}
          dataSource={posts.data?.items ?? []}
          locale={{ emptyText: t('knowledge.empty') }}
          renderItem={(p) => (
            <List.Item actions={[usefulButton(p)]}>
              <List.Item.Meta
                title={<Typography.Link onClick={() => setReading(p)}>{p.title}</Typography.Link>}
                description={
                  <Space wrap size={4}>
                    <span>{nameOf(p.authorId)}</span>
                    <span>· {formatDate(p.publishedOn, locale)}</span>
                    {(p.tags ?? '')
                      .split(/[,，;；\s]+/)
                      .filter(Boolean)
                      .map((tag) => (
                        <Tag key={tag}>{tag}</Tag>
                      ))}
                  </Space>
                }
              />
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, maxWidth: 640 }}>
                {p.body}
              </Typography.Paragraph>
            </List.Item>
          )}
        />
        <CursorPager paging={paging} nextCursor={posts.data?.nextCursor} isLoading={posts.isFetching} />
      </Card>
      <Modal
        open={!!reading}
        title={reading?.title}
        onCancel={() => setReading(null)}
        footer={reading ? usefulButton(reading) : null}
        width={720}
      >
        <Typography.Paragraph type="secondary">
          {nameOf(reading?.authorId)} · {formatDate(reading?.publishedOn, locale)}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{reading?.body}</Typography.Paragraph>
      </Modal>
      <RecordDrawer
        path="knowledge-posts"
        fields={['title', 'body', 'tags']}
        isOpen={isPosting}
        title={t('knowledge.post')}
        onClose={() => setPosting(false)}
      />
    </>
  );
}
