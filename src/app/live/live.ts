import { ActorCache } from '../auth/actor-cache.ts';
import type { AppDeps, Live } from '../context.ts';
import { LiveHub } from './live-hub.ts';
import { ReadCache } from './read-cache.ts';

export function createLive(): Live {
  const hub = new LiveHub();
  return { hub, cache: new ReadCache(hub), actors: new ActorCache(hub) };
}

/** A cached read when the app runs with a live hub, a plain computation otherwise. */
export function cachedRead<T>(deps: AppDeps, tenantId: string, key: string, compute: () => Promise<T>): Promise<T> {
  return deps.live ? deps.live.cache.get(tenantId, key, compute) : compute();
}

/** Tells every listener (pages, caches, other processes) that a tenant's data changed. */
export function publishChange(deps: AppDeps, tenantId: string, topics: string[]): void {
  deps.live?.hub.publish({ tenantId, topics, at: deps.clock.now().toISOString() });
}
