import type { AppDeps } from '../context.ts';
import { archiveDueBoards } from './archive-boards.ts';

// Started by `pacer serve`: every hour (and shortly after start) archive last week's boards of
// every tenant that lacks them, so each Monday's snapshot is taken within the hour the tenant's
// week turns. Archiving is idempotent, so two server processes may both run it.

export const ARCHIVE_CHECK_MS = 3_600_000;
const FIRST_CHECK_MS = 60_000;

export type ArchiverLog = {
  info: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
};

export function startBoardArchiver(deps: AppDeps, log: ArchiverLog, every = ARCHIVE_CHECK_MS): () => void {
  let isRunning = false;
  const check = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      for (const done of await archiveDueBoards(deps))
        if (done.archived.length > 0) log.info(done, 'archived weekly leaderboards');
    } catch (err) {
      log.error({ err }, 'archiving weekly leaderboards failed');
    } finally {
      isRunning = false;
    }
  };
  const first = setTimeout(check, Math.min(FIRST_CHECK_MS, every));
  const timer = setInterval(check, every);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
