import { isByMe } from '../../lib/domain/identity';
import { useId, useState } from 'react';
import type { Definitions } from '../../lib/domain/definitions/schema';
import type { Feedback, Verdict } from '../../lib/domain/model';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { STATE_ICONS, VERDICT_ICONS } from './feedback-list';
import { Check } from 'lucide-react';
import { Icon } from '../ui/icon';
import { canUndo } from '../../lib/domain/feedback-undo';

export interface FeedbackBarProps {
  /** The definitions' reasons; "bad lead" offers those with verdict 'bad'. */
  reasons: Definitions['feedbackReasons'];
  /** Every feedback known for this person (local outbox and the system of record). */
  feedback: readonly Feedback[];
  /** The name the outbox records as `by`; the user's own latest click drives the buttons. */
  currentUser: string;
  now: number;
  onGive: (verdict: Verdict) => unknown;
  onSaveReasons: (feedback: Feedback, reasonCodes: string[], comment: string) => unknown;
  onUndo: (feedback: Feedback) => unknown;
  onRetry: (feedback: Feedback) => unknown;
  /** A message about the last action, e.g. reasons that came too late to ride on the click. */
  notice?: string | null;
}

/**
 * Good and bad are always on screen; one click records; bad then asks why, optionally. The user's own latest
 * click shows its delivery state here; everyone's feedback is listed by <FeedbackList/> in the views.
 */
export function FeedbackBar({ reasons, feedback, currentUser, now, onGive, onSaveReasons, onUndo, onRetry, notice }: FeedbackBarProps) {
  const { t, l } = useI18n();
  const commentId = useId();
  const mine = [...feedback].filter((f) => isByMe(f.by, currentUser) && f.state !== 'cancelled').sort((a, b) => b.at - a.at)[0];
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const badReasons = reasons.filter((r) => r.verdict === 'bad');

  const give = (verdict: Verdict) => {
    if (mine?.verdict === verdict) {
      if (verdict === 'bad') setEditing(true);
      return;
    }
    setChosen([]);
    setComment('');
    setEditing(verdict === 'bad');
    onGive(verdict);
  };
  const toggle = (code: string) => setChosen((c) => (c.includes(code) ? c.filter((x) => x !== code) : [...c, code]));

  return (
    <Card title={t('fb.heading')} className="feedback">
      <div className="feedback-buttons">
        {(['good', 'bad'] as const).map((verdict) => (
          <button key={verdict} type="button" aria-pressed={mine?.verdict === verdict} onClick={() => give(verdict)}>
            <Icon icon={VERDICT_ICONS[verdict]} /> {verdict === 'good' ? t('fb.good') : t('fb.bad')}
          </button>
        ))}
      </div>
      {mine && (
        <p className="row small" role="status">
          <span>{t('fb.recorded')}</span>
          <span className={`state-${mine.state}`}>
            <Icon icon={STATE_ICONS[mine.state]} /> {t(`fb.state.${mine.state}`)}
          </span>
          {mine.state === 'failed' && (
            <button type="button" onClick={() => onRetry(mine)}>
              {t('fb.retry')}
            </button>
          )}
          {canUndo(mine, now) && (
            <button
              type="button"
              onClick={() => {
                setEditing(false);
                onUndo(mine);
              }}
            >
              {t('fb.undo')}
            </button>
          )}
        </p>
      )}
      {notice && <p className="warning small">{notice}</p>}
      {editing && mine?.verdict === 'bad' && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            setEditing(false);
            onSaveReasons(mine, chosen, comment.trim());
          }}
        >
          <fieldset className="chips">
            <legend className="small">{t('fb.reasonsLabel')}</legend>
            {badReasons.map((r) => (
              <button key={r.code} type="button" aria-pressed={chosen.includes(r.code)} onClick={() => toggle(r.code)}>
                {chosen.includes(r.code) && <Icon icon={Check} />} {l(r.label)}
              </button>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={commentId}>{t('fb.comment')}</label>
            <textarea id={commentId} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <button type="submit" className="primary">
            {t('fb.saveReasons')}
          </button>
        </form>
      )}
    </Card>
  );
}
