import { Card, Col, Row, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordOf } from '../../api/records.ts';
import { useLocale } from '../../ui/locale.ts';
import { holidayName } from './holiday-names.ts';

type Day = RecordOf<'calendar-days'>;

const MONTHS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const WEEK = [1, 2, 3, 4, 5, 6, 7];
const DAYS = Array.from({ length: 31 }, (_v, i) => i + 1);
const pad = (n: number) => String(n).padStart(2, '0');

/** Twelve small months; holidays red, 调休 make-up working days blue, weekends grey. Click a day to edit it. */
export function YearCalendar({
  year,
  days,
  onPick,
}: {
  year: number;
  days: readonly Day[];
  onPick: (date: string) => void;
}) {
  const { locale } = useLocale();
  const { t } = useTranslation();
  const byDate = new Map(days.map((d) => [d.date, d]));
  // 2024-01-01 was a Monday.
  const weekdays = WEEK.map((day) => ({
    day,
    label: new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' }).format(Date.UTC(2024, 0, day)),
  }));
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, m, 1));
  return (
    <Row gutter={[12, 12]} data-testid="year-calendar">
      {MONTHS.map((m) => {
        const first = new Date(Date.UTC(year, m, 1));
        const lead = (first.getUTCDay() + 6) % 7; // weeks start on Monday
        const length = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
        const blanks = WEEK.slice(0, lead).map((day) => `blank-${day}`);
        const dates = DAYS.slice(0, length);
        return (
          <Col key={m} xs={24} sm={12} md={8} xl={6}>
            <Card size="small" title={monthName(m)} styles={{ body: { padding: 8 } }}>
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(7, 1fr)',
                  gap: 2,
                  textAlign: 'center',
                  fontSize: 12,
                }}
              >
                {weekdays.map((w) => (
                  <Typography.Text key={w.day} type="secondary" style={{ fontSize: 11 }}>
                    {w.label}
                  </Typography.Text>
                ))}
                {blanks.map((key) => (
                  <span key={key} />
                ))}
                {dates.map((d) => {
                  const date = `${year}-${pad(m + 1)}-${pad(d)}`;
                  const entry = byDate.get(date);
                  const isWeekend = (lead + d - 1) % 7 >= 5;
                  const style = {
                    border: 0,
                    borderRadius: 4,
                    padding: '2px 0',
                    cursor: 'pointer',
                    font: 'inherit',
                    background:
                      entry?.kind === 'holiday' ? '#fff1f0' : entry?.kind === 'workday' ? '#e6f4ff' : 'transparent',
                    color:
                      entry?.kind === 'holiday'
                        ? '#cf1322'
                        : entry?.kind === 'workday'
                          ? '#0958d9'
                          : isWeekend
                            ? '#bfbfbf'
                            : undefined,
                    fontWeight: entry ? 600 : undefined,
                  };
                  const label = entry
                    ? `${date} ${holidayName(entry.name, locale)} · ${t(`holidays.kind.${entry.kind}`)}`
                    : date;
                  return (
                    <Tooltip key={date} title={entry ? label : undefined}>
                      <button type="button" style={style} aria-label={label} onClick={() => onPick(date)}>
                        {d}
                      </button>
                    </Tooltip>
                  );
                })}
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
