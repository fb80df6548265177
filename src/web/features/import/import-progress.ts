import { ApiError, api } from '../../api/client.ts';
import type { ImportProgress } from '../../api/schema.gen.ts';

// The wizard's bar: the upload is its first fifth, then the server's own steps (reading the file,
// checking rows, writing them in one transaction) as the server reports them for this job.

export type ServerProgress = ImportProgress;

const UPLOAD_SHARE = 20;

/** The bar's percent from the bytes sent (0..1) and the server's last report, if any yet. */
export function progressPercent(uploaded: number, server: ServerProgress | null): number {
  if (!server) return Math.round(Math.min(Math.max(uploaded, 0), 1) * UPLOAD_SHARE);
  const share = server.total > 0 ? server.done / server.total : 0;
  switch (server.phase) {
    case 'reading':
      return 25;
    case 'check':
      return Math.round(25 + 55 * share);
    case 'write':
      return server.done >= server.total && server.total > 0 ? 95 : 85;
    case 'done':
    case 'failed':
      return 100;
  }
}

/** 32 hex digits; getRandomValues, unlike randomUUID, also works on a plain-http intranet address. */
export function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Polls the job every `everyMs` until `stop()`: each report goes to `onReport`. A job the server
 * has not started yet (the upload is still on its way) answers 404 and is simply asked again.
 */
export function followImport(jobId: string, onReport: (p: ServerProgress) => void, everyMs = 300) {
  let isStopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async () => {
    try {
      const report = await api.get<ServerProgress>(`/imports/${jobId}/progress`);
      if (!isStopped) onReport(report);
    } catch (error) {
      // 404: the server has not started the job yet. Anything else is logged; the upload's own
      // answer is what counts in the end.
      if (!(error instanceof ApiError && error.status === 404)) console.warn('import progress', jobId, error);
    }
    if (!isStopped) timer = setTimeout(poll, everyMs);
  };
  timer = setTimeout(poll, everyMs);
  return {
    stop: () => {
      isStopped = true;
      clearTimeout(timer);
    },
  };
}
