import { isValidIsoDate, wallTimeToInstant } from '../time/dates.ts';
import type { FieldDef, Issue } from './field.ts';
import type { ShareEntry } from './rules.ts';

// Reads one field's value from JSON (source 'api') or from a spreadsheet cell (source 'import').
// Spreadsheets carry what people type in Excel: money in yuan ("¥1,234.50", "12.5万"), dates as
// "2025/3/14" or real date cells, enum values by their Chinese or English label.

export type Source = 'api' | 'import';
export type CoerceContext = { source: Source; timeZone: string };
export type Coerced = { ok: true; value: unknown } | { ok: false; issue: Issue };

/** A reference before it is resolved: the text the user gave (an id, an externalId, an email). */
export type RefKey = { ref: string };

const ok = (value: unknown): Coerced => ({ ok: true, value });
const bad = (field: FieldDef, code: Issue['code'], reason: string, params?: Issue['params']): Coerced => ({
  ok: false,
  issue: { field: field.name, code, reason, ...(params ? { params } : {}) },
});

const show = (raw: unknown) => (raw instanceof Date ? raw.toISOString() : JSON.stringify(raw));

export function coerceField(field: FieldDef, raw: unknown, ctx: CoerceContext): Coerced {
  if (raw === undefined) return ok(undefined);
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return ok(null);
  switch (field.type) {
    case 'string':
    case 'text':
      return coerceText(field, raw);
    case 'integer':
      return coerceInteger(field, raw);
    case 'money':
      return coerceMoney(field, raw, ctx.source);
    case 'date':
      return coerceDate(field, raw);
    case 'datetime':
      return coerceDateTime(field, raw, ctx.timeZone);
    case 'month':
      return coerceMonth(field, raw);
    case 'enum':
      return coerceEnum(field, raw);
    case 'ref':
      return typeof raw === 'string' || typeof raw === 'number'
        ? ok({ ref: String(raw).trim() } satisfies RefKey)
        : bad(field, 'type', `expected an id or external id, got ${show(raw)}`);
    case 'team':
    case 'splits':
      return coerceShares(field, raw, field.type === 'team');
  }
}

function coerceText(field: FieldDef, raw: unknown): Coerced {
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean')
    return bad(field, 'type', `expected text, got ${show(raw)}`);
  const text = String(raw).trim();
  if (field.maxLength !== undefined && text.length > field.maxLength)
    return bad(field, 'length', `is ${text.length} characters long; at most ${field.maxLength} are allowed`, {
      max: field.maxLength,
    });
  return ok(text);
}

function inRange(field: FieldDef, n: number, shown: string): Coerced {
  if (field.min !== undefined && n < field.min)
    return bad(field, 'range', `${shown} is below the minimum ${field.min}`, { min: field.min });
  if (field.max !== undefined && n > field.max)
    return bad(field, 'range', `${shown} is above the maximum ${field.max}`, { max: field.max });
  return ok(n);
}

function coerceInteger(field: FieldDef, raw: unknown): Coerced {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim().replace(/,/g, '') : '';
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    return bad(field, 'type', `expected a whole number, got ${show(raw)}`);
  return inRange(field, Number(text), text);
}

/** Parses a decimal text into an exact integer of hundredths, or undefined (more than 2 decimals). */
export function parseHundredths(text: string): number | undefined {
  const m = /^(-)?(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return undefined;
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  const value = whole * 100 + frac;
  if (!Number.isSafeInteger(value)) return undefined;
  return m[1] ? -value : value;
}

function coerceMoney(field: FieldDef, raw: unknown, source: Source): Coerced {
  const minCents = field.min;
  const check = (cents: number, shown: string): Coerced => {
    if (minCents !== undefined && cents < minCents)
      return bad(
        field,
        'range',
        minCents === 0 ? `${shown} is negative; amounts cannot be negative` : `${shown} must be more than 0`,
        { min: minCents },
      );
    return ok(cents);
  };
  if (source === 'api') {
    if (typeof raw !== 'number' || !Number.isSafeInteger(raw))
      return bad(field, 'type', `expected a whole number of cents (分), got ${show(raw)}`);
    return check(raw, `${raw} cents`);
  }
  // Spreadsheets hold yuan (元), as people type them.
  let text = typeof raw === 'number' ? raw.toFixed(6).replace(/\.?0+$/, '') : typeof raw === 'string' ? raw : '';
  text = text.replace(/[¥￥,，\s]|CNY|RMB|元/gi, '');
  let multiplier = 1;
  if (/[万w]$/i.test(text)) {
    multiplier = 10_000;
    text = text.slice(0, -1);
  }
  const base = /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
  let cents: number | undefined;
  if (base !== undefined) {
    if (multiplier === 1) cents = parseHundredths(base);
    else {
      // 12.3456万 = 123456.00 yuan: shift the decimal point four places, then read hundredths.
      const [int = '0', frac = ''] = base.replace('-', '').split('.');
      const shifted = `${int}${frac.padEnd(4, '0').slice(0, 4)}.${frac.slice(4)}`;
      cents = parseHundredths(`${base.startsWith('-') ? '-' : ''}${shifted.replace(/\.$/, '')}`);
    }
  }
  if (cents === undefined)
    return bad(field, 'type', `expected an amount in yuan with at most 2 decimals (e.g. 1234.50), got ${show(raw)}`);
  return check(cents, `${show(raw)}`);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function excelSerialToDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  // Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for.
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

function readDateText(text: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : undefined;
}

function coerceDate(field: FieldDef, raw: unknown): Coerced {
  let iso: string | undefined;
  if (raw instanceof Date) iso = Number.isNaN(raw.getTime()) ? undefined : raw.toISOString().slice(0, 10);
  else if (typeof raw === 'number') iso = excelSerialToDate(raw);
  else if (typeof raw === 'string') iso = readDateText(raw);
  if (iso === undefined) return bad(field, 'format', `expected a date like 2025-03-14, got ${show(raw)}`);
  if (!isValidIsoDate(iso)) return bad(field, 'date', `${iso} is not a date that exists`, { value: iso });
  return ok(iso);
}

const DATETIME_RE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function coerceDateTime(field: FieldDef, raw: unknown, timeZone: string): Coerced {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return bad(field, 'format', 'is not a valid date and time');
    // A spreadsheet date-time has no zone: its clock reading is the tenant's local time.
    return ok(
      wallTimeToInstant(
        {
          year: raw.getUTCFullYear(),
          month: raw.getUTCMonth() + 1,
          day: raw.getUTCDate(),
          hour: raw.getUTCHours(),
          minute: raw.getUTCMinutes(),
          second: raw.getUTCSeconds(),
        },
        timeZone,
      ),
    );
  }
  const m = typeof raw === 'string' ? DATETIME_RE.exec(raw.trim()) : null;
  if (!m) return bad(field, 'format', `expected a date and time like 2025-03-14T09:30:00+08:00, got ${show(raw)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = `${m[1]}-${pad(month)}-${pad(day)}`;
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!isValidIsoDate(date) || hour > 23 || minute > 59 || second > 59)
    return bad(field, 'date', `${String(raw)} is not a date and time that exists`);
  const zone = m[7];
  if (!zone) return ok(wallTimeToInstant({ year, month, day, hour, minute, second }, timeZone));
  const instant = new Date(
    `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
  );
  if (Number.isNaN(instant.getTime())) return bad(field, 'format', `${String(raw)} has an invalid time zone offset`);
  return ok(instant.toISOString());
}

function coerceMonth(field: FieldDef, raw: unknown): Coerced {
  if (raw instanceof Date) return ok(raw.toISOString().slice(0, 7));
  const m = typeof raw === 'string' ? /^(\d{4})[-/.年](\d{1,2})月?$/.exec(raw.trim()) : null;
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) return bad(field, 'format', `expected a month like 2025-03, got ${show(raw)}`);
  return ok(`${m[1]}-${pad(month)}`);
}

function coerceEnum(field: FieldDef, raw: unknown): Coerced {
  const text = String(raw).trim();
  const values = field.values ?? [];
  const lower = text.toLowerCase();
  const found =
    values.find((v) => v === text) ??
    values.find((v) => v.toLowerCase() === lower) ??
    values.find((v) => {
      const l = field.valueLabels?.[v];
      return l !== undefined && (l['zh-CN'] === text || l.en.toLowerCase() === lower);
    });
  if (found === undefined)
    return bad(field, 'enum', `${show(raw)} is not one of ${values.join(', ')}`, { allowed: values.join(', ') });
  return ok(found);
}

const ROLES = ['owner', 'assist'];

function coerceShares(field: FieldDef, raw: unknown, hasRole: boolean): Coerced {
  const entries: Array<{ person: unknown; role?: unknown; pct: unknown }> = [];
  if (typeof raw === 'string') {
    // "P001:owner:60;P002:assist:40" (team) or "P001:60;P002:40" (split); Chinese punctuation too.
    for (const part of raw
      .split(/[;；]/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const bits = part.split(/[:：]/).map((b) => b.trim());
      if (bits.length !== (hasRole ? 3 : 2))
        return bad(field, 'format', `'${part}' should look like ${hasRole ? 'P001:owner:60' : 'P001:60'}`);
      entries.push(hasRole ? { person: bits[0], role: bits[1], pct: bits[2] } : { person: bits[0], pct: bits[1] });
    }
  } else if (Array.isArray(raw)) {
    for (const item of raw) {
      const o = (item ?? {}) as Record<string, unknown>;
      entries.push({ person: o.personId, role: o.role, pct: o.sharePct });
    }
  } else return bad(field, 'type', `expected a list of shares, got ${show(raw)}`);

  const out: Array<Omit<ShareEntry, 'personId'> & { personId: RefKey }> = [];
  for (const [index, e] of entries.entries()) {
    const at = `${field.name}[${index}]`;
    if (typeof e.person !== 'string' || e.person.trim() === '')
      return { ok: false, issue: { field: `${at}.personId`, code: 'required', reason: 'names no person' } };
    const role = hasRole
      ? String(e.role ?? '')
          .trim()
          .toLowerCase()
      : undefined;
    if (hasRole && !ROLES.includes(role ?? ''))
      return {
        ok: false,
        issue: { field: `${at}.role`, code: 'enum', reason: `role ${show(e.role)} is not one of owner, assist` },
      };
    const pctText =
      typeof e.pct === 'number'
        ? String(e.pct)
        : String(e.pct ?? '')
            .replace('%', '')
            .trim();
    const bp = parseHundredths(pctText);
    if (bp === undefined)
      return {
        ok: false,
        issue: {
          field: `${at}.sharePct`,
          code: 'type',
          reason: `share ${show(e.pct)} is not a percentage with at most 2 decimals`,
        },
      };
    out.push({ personId: { ref: e.person.trim() }, ...(role ? { role } : {}), shareBp: bp });
  }
  return ok(out);
}
