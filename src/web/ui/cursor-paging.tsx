import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Server-side cursor pages: the list API hands back nextCursor, so "previous" walks back a stack
 * of the cursors already used. Any change of filters or sort (the key) starts again at page 1.
 */
export function useCursorPaging(key: string, defaultSize = 20) {
  const [state, setState] = useState<{ key: string; cursors: string[]; size: number }>({
    key,
    cursors: [],
    size: defaultSize,
  });
  const current = state.key === key ? state : { key, cursors: [], size: state.size };
  return {
    cursor: current.cursors[current.cursors.length - 1],
    pageNumber: current.cursors.length + 1,
    limit: current.size,
    next: (nextCursor: string) => setState({ ...current, cursors: [...current.cursors, nextCursor] }),
    previous: () => setState({ ...current, cursors: current.cursors.slice(0, -1) }),
    setSize: (size: number) => setState({ key, cursors: [], size }),
  };
}

type PagerProps = {
  paging: ReturnType<typeof useCursorPaging>;
  nextCursor: string | null | undefined;
  isLoading?: boolean;
};

export function CursorPager({ paging, nextCursor, isLoading }: PagerProps) {
  const { t } = useTranslation();
  return (
    <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }} wrap>
      <Button icon={<LeftOutlined />} disabled={paging.pageNumber === 1 || isLoading} onClick={paging.previous}>
        {t('paging.previous')}
      </Button>
      <span data-testid="page-number">{t('paging.page', { page: paging.pageNumber })}</span>
      <Button disabled={!nextCursor || isLoading} onClick={() => nextCursor && paging.next(nextCursor)}>
        {t('paging.next')} <RightOutlined />
      </Button>
      <Select
        aria-label={t('paging.size')}
        value={paging.limit}
        onChange={paging.setSize}
        options={[20, 50, 100].map((n) => ({ value: n, label: t('paging.perPage', { n }) }))}
        style={{ width: 120 }}
      />
    </Space>
  );
}
