import type { LiveHub } from './live-hub.ts';

type Entry = { value: Promise<unknown> };

/**
 * Results of expensive reads (leaderboards, team views) kept per tenant until the next change in
 * that tenant. Many clients asking the same question share one computation (single flight); a
 * change empties the tenant's entries, so the next read recomputes and never sees stale data.
 * Bounded per tenant (least recently used out) so a long-running server does not grow.
 */
export class ReadCache {
  private readonly tenants = new Map<string, Map<string, Entry>>();

  constructor(
    hub: LiveHub,
    private readonly maxEntriesPerTenant = 500,
  ) {
    hub.subscribe((change) => this.invalidate(change.tenantId));
  }

  invalidate(tenantId: string): void {
    this.tenants.get(tenantId)?.clear();
  }

  async get<T>(tenantId: string, key: string, compute: () => Promise<T>): Promise<T> {
    let entries = this.tenants.get(tenantId);
    if (!entries) {
      entries = new Map();
      this.tenants.set(tenantId, entries);
    }
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key); // re-insert: Map order is the LRU order
      entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const entry: Entry = { value: compute() };
    entries.set(key, entry);
    if (entries.size > this.maxEntriesPerTenant) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    const owner = entries;
    entry.value.catch(() => {
      // Errors are not cached: the next read tries again.
      if (owner.get(key) === entry) owner.delete(key);
    });
    return entry.value as Promise<T>;
  }
}
