import { type DerivedReport, rederive } from '../../db/repositories/local-dates.repository.ts';
import { findTenant } from '../../db/repositories/tenants.repository.ts';
import type { AppDeps } from '../context.ts';
import { NotFoundError } from '../errors.ts';

/**
 * `pacer recompute`: rebuilds everything the metric engine keeps (values derived on write:
 * local dates, notes lengths, timeliness) from the records, and reports how many stored values
 * disagreed with the rebuild. Values themselves are computed on read, so after this every
 * metric reads exactly what a full recomputation from the records gives.
 */
export async function recomputeTenant(
  deps: AppDeps,
  tenantId: string,
  options: { checkOnly?: boolean; onPage?: (table: string, checked: number) => void } = {},
): Promise<DerivedReport[]> {
  const tenant = await findTenant(deps.db, tenantId);
  if (!tenant) throw new NotFoundError('tenants', tenantId);
  return deps.db.transaction().execute((tx) =>
    rederive(tx, tenantId, tenant.timeZone, {
      write: !options.checkOnly,
      ...(options.onPage ? { onPage: options.onPage } : {}),
    }),
  );
}
