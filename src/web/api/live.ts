import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** Queries whose numbers a write anywhere in the tenant may change: refetched on every change. */
export const LIVE_QUERY_PREFIXES: ReadonlySet<string> = new Set([
  'leaderboards',
  'dashboards',
  'metrics',
  'scorecards',
  'targets',
  'wall',
]);

export type LiveState = { status: 'connecting' | 'live' | 'offline'; lastChangeAt: string | null };

const RECONNECT_MS = 5_000;

/**
 * Listens to the server's change stream (server-sent events) and refetches the live queries when
 * the tenant's data changes. The browser reconnects a broken stream by itself; when the server
 * refuses it outright (a restart mid-handshake, a proxy error) we open a new one after 5 s, and
 * after any reconnect we refetch once, since changes may have been missed while away.
 */
export function useLiveRefresh(url: string | null): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>({ status: 'connecting', lastChangeAt: null });
  useEffect(() => {
    if (!url) return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let connectedBefore = false;
    let stopped = false;
    const refetch = () =>
      client.invalidateQueries({ predicate: (q) => LIVE_QUERY_PREFIXES.has(String(q.queryKey[0])) });
    const open = () => {
      source = new EventSource(url, { withCredentials: true });
      source.addEventListener('ready', () => {
        if (connectedBefore) void refetch();
        connectedBefore = true;
        setState((s) => ({ ...s, status: 'live' }));
      });
      source.addEventListener('change', (event) => {
        const { at } = JSON.parse((event as MessageEvent<string>).data) as { at: string };
        setState({ status: 'live', lastChangeAt: at });
        void refetch();
      });
      source.addEventListener('error', () => {
        setState((s) => ({ ...s, status: 'offline' }));
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          retry = setTimeout(open, RECONNECT_MS);
        }
      });
    };
    open();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, [client, url]);
  return state;
}
