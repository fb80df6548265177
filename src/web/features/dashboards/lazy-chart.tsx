import { Skeleton } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';

const EChart = lazy(() => import('./echart.tsx'));

/** A chart whose ECharts code loads only when it is first shown. */
export function LazyChart(props: { option: EChartsCoreOption; height?: number; testId?: string }) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 260 }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
