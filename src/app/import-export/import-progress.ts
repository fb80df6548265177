import type { Actor, AppDeps } from '../context.ts';
import { NotFoundError } from '../errors.ts';

// How far the server is with an import the browser is waiting for: the wizard names a job id
// when it uploads, then polls it while the upload request is open, so its bar follows the
// server's reading, checking and writing, not only the bytes sent. Kept in this process's memory
// (an import runs in the process that received it); a job is forgotten 15 minutes after its last
// step, and only its own user in its own tenant can read it.

export type ImportPhase = 'reading' | 'check' | 'write' | 'done' | 'failed';
export type ImportProgress = { jobId: string; phase: ImportPhase; done: number; total: number };

const KEEP_MS = 15 * 60_000;
const MAX_JOBS = 1_000;
const jobs = new Map<string, ImportProgress & { touchedAt: number }>();

const keyOf = (actor: Actor, jobId: string) => `${actor.tenantId}\u0000${actor.userId ?? ''}\u0000${jobId}`;

function forgetOld(nowMs: number) {
  for (const [key, job] of jobs) if (nowMs - job.touchedAt > KEEP_MS) jobs.delete(key);
  // A flood of job ids cannot grow the map without bound: the oldest go first.
  while (jobs.size > MAX_JOBS) jobs.delete(jobs.keys().next().value as string);
}

/** Records a step of the job; `reading` starts it. */
export function reportImportProgress(
  deps: AppDeps,
  actor: Actor,
  jobId: string,
  phase: ImportPhase,
  done = 0,
  total = 0,
): void {
  const nowMs = deps.clock.now().getTime();
  const key = keyOf(actor, jobId);
  jobs.delete(key); // re-inserted last: the map stays in order of the latest step
  jobs.set(key, { jobId, phase, done, total, touchedAt: nowMs });
  forgetOld(nowMs);
}

export function readImportProgress(actor: Actor, jobId: string): ImportProgress {
  const job = jobs.get(keyOf(actor, jobId));
  if (!job) throw new NotFoundError('imports', jobId);
  const { touchedAt: _t, ...progress } = job;
  return progress;
}
