import { useSearchParams } from 'react-router';
import { useTenant } from '../../api/admin.ts';
import { useMe } from '../../api/session.ts';

/** The dashboard's period in the URL (?period=), this month by default, and the fiscal start. */
export function usePeriodParam() {
  const me = useMe().data;
  const tenant = useTenant();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? (me?.today ?? new Date().toISOString().slice(0, 10)).slice(0, 7);
  const setPeriod = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('period', key);
        return next;
      },
      { replace: true },
    );
  return { period, setPeriod, fiscalStart: tenant.data?.fiscalYearStartMonth ?? 1 };
}
