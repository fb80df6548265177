import { describe, expect, it } from 'vitest';
import { LiveHub } from '../../src/app/live/live-hub.ts';
import { ReadCache } from '../../src/app/live/read-cache.ts';

const change = (tenantId: string) => ({ tenantId, topics: ['activities'], at: '2026-03-10T02:00:00.000Z' });

describe('the read cache', () => {
  it('computes once for many readers, and again after a change in the same tenant only', async () => {
    const hub = new LiveHub();
    const cache = new ReadCache(hub);
    let runs = 0;
    const compute = async () => {
      runs += 1;
      return runs;
    };
    const first = await Promise.all([cache.get('t1', 'board', compute), cache.get('t1', 'board', compute)]);
    expect(first).toEqual([1, 1]);
    expect(await cache.get('t2', 'board', compute)).toBe(2);
    hub.publish(change('t2'));
    expect(await cache.get('t1', 'board', compute)).toBe(1);
    expect(await cache.get('t2', 'board', compute)).toBe(3);
    hub.publish(change('t1'));
    expect(await cache.get('t1', 'board', compute)).toBe(4);
  });

  it('does not keep a failed read', async () => {
    const cache = new ReadCache(new LiveHub());
    await expect(cache.get('t1', 'k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('t1', 'k', async () => 'ok')).toBe('ok');
  });

  it('keeps at most its bound per tenant, dropping the least recently used', async () => {
    const cache = new ReadCache(new LiveHub(), 2);
    await cache.get('t1', 'a', async () => 'a1');
    await cache.get('t1', 'b', async () => 'b1');
    await cache.get('t1', 'a', async () => 'a2'); // a is now the most recent
    await cache.get('t1', 'c', async () => 'c1'); // b goes
    expect(await cache.get('t1', 'a', async () => 'a3')).toBe('a1');
    expect(await cache.get('t1', 'b', async () => 'b2')).toBe('b2');
  });
});

describe('the live hub', () => {
  it('keeps delivering when one listener throws, and stops after unsubscribe', () => {
    const hub = new LiveHub();
    const heard: string[] = [];
    hub.subscribe(() => {
      throw new Error('a closed stream');
    });
    const off = hub.subscribe((c) => heard.push(c.tenantId));
    hub.publish(change('t1'));
    off();
    hub.publish(change('t2'));
    expect(heard).toEqual(['t1']);
    expect(hub.listenerCount).toBe(1);
  });
});
