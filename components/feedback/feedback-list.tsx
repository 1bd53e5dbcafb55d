import { isByMe } from '../../lib/domain/identity';
import type { Definitions } from '../../lib/domain/definitions/schema';
import type { DeliveryState, Feedback, Verdict } from '../../lib/domain/model';
import { useI18n } from '../i18n/i18n-context';
import { CircleCheck, CircleX, Hourglass, Send, ThumbsDown, ThumbsUp, Undo2 } from 'lucide-react';
import { Icon, type LucideIcon } from '../ui/icon';

export const VERDICT_ICONS: Record<Verdict, LucideIcon> = { good: ThumbsUp, bad: ThumbsDown };
export const STATE_ICONS: Record<DeliveryState, LucideIcon> = { pending: Hourglass, sending: Send, sent: CircleCheck, failed: CircleX, cancelled: Undo2 };

/** Who said what and when, and whether it reached the system of record (with a retry when it did not). */
export function FeedbackList({
  feedback,
  reasons,
  currentUser,
  onRetry,
}: {
  feedback: readonly Feedback[];
  reasons: Definitions['feedbackReasons'];
  currentUser?: string;
  onRetry?: (f: Feedback) => void;
}) {
  const { t, l, dateTime, locale } = useI18n();
  const visible = feedback.filter((f) => f.state !== 'cancelled').sort((a, b) => b.at - a.at);
  if (visible.length === 0) return <p className="muted">{t('fb.none')}</p>;
  const reasonLabel = (code: string) => {
    const r = reasons.find((x) => x.code === code);
    return r ? l(r.label) : code;
  };
  return (
    <ul className="plain stack feedback-list">
      {visible.map((f) => (
        <li key={f.id}>
          <div>
            <Icon icon={VERDICT_ICONS[f.verdict]} />{' '}
            {t('fb.entry', {
              by: isByMe(f.by, currentUser) ? t('fb.you') : f.by,
              verdict: f.verdict === 'good' ? t('fb.good') : t('fb.bad'),
              time: dateTime(f.at),
            })}
          </div>
          {f.reasonCodes.length > 0 && <div className="small">{f.reasonCodes.map(reasonLabel).join(locale === 'ja' ? '、' : ', ')}</div>}
          {f.comment && <div className="small muted">“{f.comment}”</div>}
          <div className={`small state-${f.state}`}>
            <Icon icon={STATE_ICONS[f.state]} /> {t(`fb.state.${f.state}`)}
            {f.state === 'failed' && f.lastError && <> · {t('fb.failedReason', { reason: f.lastError })}</>}
            {f.state === 'failed' && onRetry && (
              <>
                {' '}
                <button type="button" onClick={() => onRetry(f)}>
                  {t('fb.retry')}
                </button>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
