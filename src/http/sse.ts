import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveHub, TenantChange } from '../app/live/live-hub.ts';

const COALESCE_MS = 100;
const HEARTBEAT_MS = 20_000;

/**
 * Holds a server-sent-events stream open and sends `change` events for one tenant. Changes that
 * arrive within 100 ms go out as one event (an import of a thousand rows is one refetch, not a
 * thousand); a comment line every 20 s keeps proxies from closing an idle stream, and the stream
 * ends cleanly when the client goes (no listener or timer is left behind).
 */
export function streamTenantChanges(request: FastifyRequest, reply: FastifyReply, hub: LiveHub, tenantId: string) {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // The browser reconnects by itself after 2 s when the stream breaks (a restart, a network blip).
  res.write(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);

  let pending: TenantChange | undefined;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (!pending) return;
    res.write(`event: change\ndata: ${JSON.stringify({ topics: pending.topics, at: pending.at })}\n\n`);
    pending = undefined;
  };
  const unsubscribe = hub.subscribe((change) => {
    if (change.tenantId !== tenantId) return;
    pending = pending
      ? { ...change, topics: [...new Set([...pending.topics, ...change.topics])] }
      : { ...change, topics: [...change.topics] };
    timer ??= setTimeout(flush, COALESCE_MS);
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  const close = () => {
    unsubscribe();
    clearInterval(heartbeat);
    if (timer) clearTimeout(timer);
  };
  request.raw.on('close', close);
  res.on('error', close);
}
