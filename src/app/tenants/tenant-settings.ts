import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../db/repositories/journal.repository.ts';
import { relocaliseDates } from '../../db/repositories/local-dates.repository.ts';
import { findTenant, updateTenant } from '../../db/repositories/tenants.repository.ts';
import { chineseHolidayCalendar, provisionalYears } from '../../domain/calendar/cn-holidays.ts';
import { kindByName } from '../../domain/records/kinds.ts';
import { defaultTenantSettings, type TenantSettings } from '../../domain/tenant-settings.ts';
import { isValidTimeZone } from '../../domain/time/dates.ts';
import type { Actor, AppDeps } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { metricCatalog } from '../metrics/manage-custom-metrics.ts';
import type { RowIssue } from '../records/save-records.ts';
import { saveRecords } from '../records/save-records.ts';

export type TenantView = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  fiscalYearStartMonth: number;
  currency: string;
  settings: TenantSettings;
};

export type TenantPatch = {
  name?: string;
  timeZone?: string;
  fiscalYearStartMonth?: number;
  settings?: Partial<{
    gradeWeights: Partial<TenantSettings['gradeWeights']>;
    minNotesLength: number;
    effectiveVisitMinutes: number;
    pace: Partial<TenantSettings['pace']>;
    leaderboard: Partial<TenantSettings['leaderboard']>;
  }>;
};

export async function getTenant(deps: AppDeps, actor: Actor): Promise<TenantView> {
  const t = await findTenant(deps.db, actor.tenantId);
  if (!t) throw new NotFoundError('tenants', actor.tenantId);
  const stored = JSON.parse(t.settingsJson) as Partial<TenantSettings>;
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    timeZone: t.timeZone,
    fiscalYearStartMonth: t.fiscalYearStartMonth,
    currency: t.currency,
    settings: { ...defaultTenantSettings, ...stored },
  };
}

function checkSettings(patch: TenantPatch, merged: TenantView, metricCodes: ReadonlySet<string>): RowIssue[] {
  const issues: RowIssue[] = [];
  const bad = (field: string, reason: string) => issues.push({ index: 0, field, code: 'range', reason });
  if (patch.name !== undefined && patch.name.trim() === '') bad('name', 'the company name is required');
  if (!isValidTimeZone(merged.timeZone))
    bad('timeZone', `'${merged.timeZone}' is not an IANA time zone such as Asia/Shanghai`);
  const m = merged.fiscalYearStartMonth;
  if (!Number.isInteger(m) || m < 1 || m > 12)
    bad('fiscalYearStartMonth', 'the fiscal year starts in a month from 1 to 12');
  const s = merged.settings;
  for (const grade of ['A', 'B', 'C'] as const) {
    const w = s.gradeWeights[grade];
    if (!(typeof w === 'number' && w >= 0 && w <= 10))
      bad(`settings.gradeWeights.${grade}`, 'a grade weight is a number from 0 to 10');
  }
  if (!Number.isInteger(s.minNotesLength) || s.minNotesLength < 0 || s.minNotesLength > 200)
    bad('settings.minNotesLength', 'the minimum notes length is a whole number from 0 to 200');
  if (!Number.isInteger(s.effectiveVisitMinutes) || s.effectiveVisitMinutes < 0 || s.effectiveVisitMinutes > 600)
    bad('settings.effectiveVisitMinutes', 'the effective visit length is a whole number of minutes from 0 to 600');
  if (!(s.pace.yellow > 0 && s.pace.green > s.pace.yellow && s.pace.green <= 5))
    bad('settings.pace', 'pace thresholds need 0 < yellow < green (e.g. yellow 0.85, green 1)');
  const board = s.leaderboard;
  if (board.mode !== 'public' && board.mode !== 'top')
    bad('settings.leaderboard.mode', "the leaderboard mode is 'public' or 'top'");
  if (!Number.isInteger(board.topN) || board.topN < 1 || board.topN > 1000)
    bad('settings.leaderboard.topN', 'the number of top rows shown is a whole number from 1 to 1000');
  board.hideNamesFor.forEach((code, i) => {
    if (!metricCodes.has(code))
      bad(
        `settings.leaderboard.hideNamesFor[${i}]`,
        `no metric '${code}' (a metric id, or 'score' for the total score)`,
      );
  });
  return issues;
}

/** Admin changes to the tenant; a new time zone re-dates every instant-based record (spec 1). */
export async function updateTenantSettings(deps: AppDeps, actor: Actor, patch: TenantPatch): Promise<TenantView> {
  if (actor.role !== 'admin') throw new ForbiddenError('only an admin changes tenant settings');
  const before = await getTenant(deps, actor);
  const merged: TenantView = {
    ...before,
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.timeZone !== undefined ? { timeZone: patch.timeZone } : {}),
    ...(patch.fiscalYearStartMonth !== undefined ? { fiscalYearStartMonth: patch.fiscalYearStartMonth } : {}),
    settings: {
      ...before.settings,
      ...(patch.settings?.minNotesLength !== undefined ? { minNotesLength: patch.settings.minNotesLength } : {}),
      ...(patch.settings?.effectiveVisitMinutes !== undefined
        ? { effectiveVisitMinutes: patch.settings.effectiveVisitMinutes }
        : {}),
      gradeWeights: { ...before.settings.gradeWeights, ...patch.settings?.gradeWeights },
      pace: { ...before.settings.pace, ...patch.settings?.pace },
      leaderboard: { ...before.settings.leaderboard, ...patch.settings?.leaderboard },
    },
  };
  const metricCodes = new Set(['score', ...(await metricCatalog(deps, actor)).map((m) => m.id)]);
  const issues = checkSettings(patch, merged, metricCodes);
  if (issues.length > 0) throw new ValidationError('tenants', issues);
  await deps.db.transaction().execute(async (tx) => {
    await updateTenant(tx, actor.tenantId, {
      name: merged.name,
      timeZone: merged.timeZone,
      fiscalYearStartMonth: merged.fiscalYearStartMonth,
      settingsJson: JSON.stringify(merged.settings),
      updatedAt: actor.now,
    });
    if (merged.timeZone !== before.timeZone) await relocaliseDates(tx, actor.tenantId, merged.timeZone);
    await appendAudit(tx, actor.tenantId, [
      {
        id: uuidv7(),
        at: actor.now,
        actorUserId: actor.userId,
        action: 'update',
        recordKind: 'tenants',
        recordId: actor.tenantId,
        beforeJson: JSON.stringify(before),
        afterJson: JSON.stringify(merged),
        reason: null,
      },
    ]);
  });
  return merged;
}

/** Loads the Chinese public holidays and 调休 make-up days of a year into the tenant calendar. */
export async function loadChineseHolidays(deps: AppDeps, actor: Actor, year: number) {
  const entries = chineseHolidayCalendar(year);
  if (entries.length === 0)
    throw new ValidationError('calendarDays', [
      { index: 0, field: 'year', code: 'range', reason: `no Chinese holiday calendar is known for ${year}` },
    ]);
  const report = await saveRecords(
    deps,
    actor,
    kindByName('calendarDays'),
    'upsert',
    entries.map((raw) => ({ raw })),
    { source: 'api' },
  );
  if (!report.isCommitted) throw new ValidationError('calendarDays', report.issues);
  return {
    year,
    isProvisional: provisionalYears.includes(year),
    created: report.created.length,
    updated: report.updated.length,
    unchanged: report.unchanged.length,
  };
}
