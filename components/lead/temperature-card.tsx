import { useState } from 'react';
import type { Temperature } from '../../lib/domain/temperature';
import { useI18n } from '../i18n/i18n-context';
import { BandBadge } from '../ui/band-badge';
import { Card } from '../ui/card';
import { MoveRight, TrendingDown, TrendingUp, Zap } from 'lucide-react';
import { Icon } from '../ui/icon';

/** Enough to answer "why is it hot" at a glance; the rest is one click away. */
export const TOP_REASONS = 3;

export function TemperatureCard({ temperature }: { temperature: Temperature }) {
  const { t, l, number, signed, dateTime } = useI18n();
  const [expanded, setExpanded] = useState(false);
  // Largest effect first, whichever its sign: an exclusion explains a cold lead as much as a webinar a hot one.
  const sorted = [...temperature.contributions].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  const shown = expanded ? sorted : sorted.slice(0, TOP_REASONS);
  const trend = temperature.trend7d;
  const trendIcon = trend > 0 ? TrendingUp : trend < 0 ? TrendingDown : MoveRight;

  return (
    <Card title={t('temp.heading')} className="temperature">
      <div className="row">
        <BandBadge band={temperature.band} />
        <span className="score">
          <span className="visually-hidden">{t('temp.score', { score: number(temperature.score) })}</span>
          <span aria-hidden="true">{number(temperature.score)}</span>
        </span>
        <span className="trend">
          <Icon icon={trendIcon} />{' '}
          {trend === 0 ? t('temp.trendFlat') : t('temp.trend', { delta: signed(trend) })}
        </span>
        {temperature.spike && (
          <span className="spike">
            <Icon icon={Zap} /> {t('temp.spike')}
          </span>
        )}
      </div>
      <p className="muted small">
        {t('temp.parts', {
          fit: number(temperature.fitScore),
          engagement: number(temperature.engagementScore),
          grade: temperature.fitGrade,
        })}
        {' · '}
        {temperature.lastActivityAt === null
          ? t('temp.noActivity')
          : t('temp.lastActivity', { time: dateTime(temperature.lastActivityAt) })}
      </p>
      <h3>{t('temp.why')}</h3>
      {sorted.length === 0 ? (
        <p className="muted">{t('temp.noReasons')}</p>
      ) : (
        <ul className="plain contributions">
          {shown.map((c) => (
            <li key={`${c.kind}:${c.ruleId}`}>
              <span>
                <span className="muted small">{t(`contribution.${c.kind}`)}</span> {l(c.label)}
              </span>
              <span className={`points ${c.points < 0 ? 'negative' : ''}`}>
                {t('temp.points', { points: signed(Math.round(c.points * 10) / 10) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {sorted.length > TOP_REASONS && (
        <button type="button" className="link" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? t('temp.showTop') : t('temp.showAll', { count: sorted.length })}
        </button>
      )}
      {temperature.ignoredFutureEventIds.length > 0 && (
        <p className="warning small">{t('temp.futureIgnored', { count: temperature.ignoredFutureEventIds.length })}</p>
      )}
    </Card>
  );
}
