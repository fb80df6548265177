import type { LiveHub } from '../live/live-hub.ts';

/** Who a session or API token is, without the clock-dependent parts (now, today). */
export type CachedIdentity<T> = { tenantId: string; value: T; expiresAt: string | null; at: number };

/**
 * Identities behind session and token hashes, kept a few seconds so a busy dashboard does not
 * reload the same user, tenant and managed units on every request. Any change in a tenant (a
 * role change, a disabled account, new settings, a revoked token) drops that tenant's entries;
 * the short lifetime bounds what another process's change can leave stale.
 */
export class ActorCache<T> {
  private readonly entries = new Map<string, CachedIdentity<T>>();

  constructor(
    hub: LiveHub,
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 20_000,
  ) {
    hub.subscribe((change) => this.dropTenant(change.tenantId));
  }

  get(hash: string, nowMs: number, nowIso: string): T | undefined {
    const hit = this.entries.get(hash);
    if (!hit) return undefined;
    if (nowMs - hit.at > this.ttlMs || (hit.expiresAt !== null && hit.expiresAt < nowIso)) {
      this.entries.delete(hash);
      return undefined;
    }
    return hit.value;
  }

  set(hash: string, entry: CachedIdentity<T>): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(hash, entry);
  }

  evict(hash: string): void {
    this.entries.delete(hash);
  }

  dropTenant(tenantId: string): void {
    for (const [hash, entry] of this.entries) if (entry.tenantId === tenantId) this.entries.delete(hash);
  }
}
