import { FileDoneOutlined, TrophyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { useLiveRefresh } from '../../api/live.ts';
import type { Wall } from '../../api/schema.gen.ts';
import { changeLanguage } from '../../i18n/i18n.ts';
import { formatDate } from '../../ui/format.ts';
import { useLocale } from '../../ui/locale.ts';
import { formatMetric } from '../metrics/metric-format.ts';
import './wall.css';

// 激励墙: the office screen. No login (the link's token is the key), big type readable across a
// room, boards rotating every 12 s, live updates through the change stream, and nothing that grows
// while it runs for days: one query, one stream, fixed timers.

const ROTATE_MS = 12_000;
const TEAMS_PER_PAGE = 5;
const STATUS_COLOR = { green: '#3ccf7a', yellow: '#f5c542', red: '#ff5a5f', none: '#7a8aa8' } as const;

function useWall(token: string) {
  return useQuery({
    queryKey: ['wall', token],
    queryFn: ({ signal }) => api.get<Wall>(`/wall/${encodeURIComponent(token)}`, undefined, signal),
    // A safety net under the live stream: a full refresh every 5 minutes.
    refetchInterval: 300_000,
    retry: (count, error) => !(error instanceof ApiError && error.status === 401) && count < 1000,
    retryDelay: 10_000,
  });
}

function useNow(everyMs: number) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function WallPage() {
  const { token = '' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const wall = useWall(token);
  const isRevoked = wall.error instanceof ApiError && wall.error.status === 401;
  // A revoked link stops listening too, instead of knocking every few seconds for days.
  const live = useLiveRefresh(isRevoked ? null : `/api/v1/wall/${encodeURIComponent(token)}/live`);
  const now = useNow(30_000);
  const [index, setIndex] = useState(0);
  const lang = search.get('lang');

  useEffect(() => {
    // A screen may be told its language in the link (?lang=en) without changing anyone's preference.
    if (lang === 'en' || lang === 'zh-CN') void changeLanguage(lang);
  }, [lang]);
  useEffect(() => {
    const timer = setInterval(() => setIndex((i) => i + 1), ROTATE_MS);
    return () => clearInterval(timer);
  }, []);

  if (isRevoked)
    return (
      <div className="wall wall-message" data-testid="wall-invalid">
        {t('wall.invalidLink')}
      </div>
    );
  if (!wall.data) return <div className="wall wall-message">{t('wall.loading')}</div>;

  const data = wall.data;
  const boards = data.boards;
  const board = boards.length > 0 ? boards[index % boards.length] : undefined;
  // Teams that do not fit one panel turn over page by page with the boards.
  const teamPages = Math.max(1, Math.ceil(data.teams.length / TEAMS_PER_PAGE));
  const teamPage = index % teamPages;
  const teams = data.teams.slice(teamPage * TEAMS_PER_PAGE, (teamPage + 1) * TEAMS_PER_PAGE);
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(now);
  return (
    <div className="wall" data-testid="wall">
      <header className="wall-header">
        <div className="wall-title">
          <span className="wall-brand">Pacer</span> {t('wall.title')}
          {data.scope.name && <span className="wall-scope"> · {data.scope.name}</span>}
        </div>
        <div className="wall-meta">
          <span>
            {t('wall.period', {
              start: formatDate(data.period.start, locale),
              end: formatDate(data.period.end, locale),
            })}
          </span>
          <span className={`wall-live wall-live-${live.status}`} data-testid="wall-live" data-status={live.status}>
            ● {t(`live.${live.status}`)}
          </span>
          <span className="wall-clock">{clock}</span>
        </div>
      </header>
      <main className="wall-grid">
        <section className="wall-panel wall-board" data-testid="wall-board">
          {board ? (
            <>
              <h2>
                {t('wall.top', { metric: pick(board.metric.name) })}
                <span className="wall-dots">
                  {boards.map((b, i) => (
                    <span key={b.metric.id} className={i === index % boards.length ? 'on' : ''} />
                  ))}
                </span>
              </h2>
              {board.rows.length === 0 ? (
                <p className="wall-empty">{t('wall.empty')}</p>
              ) : (
                <ol className="wall-rows">
                  {board.rows.map((row) => (
                    <li key={`${row.rank}-${row.name ?? ''}-${row.unitName ?? ''}`} className={`rank-${row.rank}`}>
                      <span className="wall-rank">{row.rank}</span>
                      <span className="wall-name">
                        {row.name ?? t('wall.anonymous')}
                        <small>{row.unitName}</small>
                      </span>
                      <span className="wall-change">
                        {row.change === 'up' ? '▲' : row.change === 'down' ? '▼' : ''}
                      </span>
                      <span className="wall-value">{formatMetric(row.value, board.metric.unit, locale, true)}</span>
                    </li>
                  ))}
                </ol>
              )}
            </>
          ) : (
            <p className="wall-empty">{t('wall.empty')}</p>
          )}
        </section>
        <section className="wall-panel wall-teams" data-testid="wall-teams">
          <h2>
            {t('wall.teamProgress')}
            {teamPages > 1 && (
              <small className="wall-page-count">
                {teamPage + 1} / {teamPages}
              </small>
            )}
          </h2>
          {teams.map((team) => {
            const target = team.target ?? 0;
            const share = (v: number | null) => (target > 0 && v !== null ? Math.min(v / target, 1.25) / 1.25 : 0);
            return (
              <div key={team.unitId} className="wall-team" data-testid="wall-team" data-status={team.status}>
                <span className="wall-team-name">{team.name}</span>
                <div className="wall-bar">
                  <div
                    className="wall-bar-fill"
                    style={{ width: `${share(team.actual) * 100}%`, background: STATUS_COLOR[team.status] }}
                  />
                  {team.target !== null && (
                    <>
                      <div
                        className="wall-line wall-line-target"
                        style={{ left: `${share(team.target) * 100}%` }}
                        title={t('wall.targetLine')}
                      />
                      <div
                        className="wall-line wall-line-pace"
                        style={{ left: `${share(team.expectedToDate) * 100}%` }}
                        title={t('wall.paceLine')}
                      />
                    </>
                  )}
                </div>
                <span className="wall-team-figure">
                  {formatMetric(team.actual, 'cny', locale, true)}
                  <small>
                    {team.target !== null
                      ? `${formatMetric(target > 0 ? (team.actual ?? 0) / target : null, 'ratio', locale)} / ${formatMetric(team.target, 'cny', locale, true)}`
                      : t('wall.noTarget')}
                  </small>
                </span>
              </div>
            );
          })}
          <div className="wall-legend">
            <span className="wall-legend-target">{t('wall.targetLine')}</span>
            <span className="wall-legend-pace">{t('wall.paceLine')}</span>
          </div>
        </section>
        <section className="wall-panel wall-honours" data-testid="wall-honours">
          <h2>{t('wall.honourRoll')}</h2>
          <ul>
            {data.honours.reached.map((h) => (
              <li key={`reached-${h.name}`} className="wall-honour-reached">
                <TrophyOutlined />{' '}
                {t('wall.reached', { name: h.name, pct: formatMetric(h.attainment, 'ratio', locale) })}
              </li>
            ))}
            {data.honours.contracts.map((c) => (
              <li key={c.id} data-testid="wall-contract">
                <FileDoneOutlined />
                {t('wall.newContract', {
                  owner: c.ownerName,
                  customer: c.customerName,
                  amount: formatMetric(c.amountCents, 'cny', locale, true),
                })}
                <small> {formatDate(c.signedOn, locale)}</small>
              </li>
            ))}
            {data.honours.reached.length + data.honours.contracts.length === 0 && (
              <li className="wall-empty">{t('wall.emptyHonours')}</li>
            )}
          </ul>
        </section>
      </main>
    </div>
  );
}
