import { CircleCheck, CircleHelp, CircleMinus, CircleX } from 'lucide-react';
import { useState } from 'react';
import {
  checkTitleKey,
  STEP_IDS,
  stepTitleKey,
  type CheckResult,
  type CheckStatus,
  type SelfAnswer,
} from '../../lib/domain/alignment-diagnostic';
import type { MessageKey } from '../../lib/i18n/messages-ja';
import { useAlignmentDiagnostic, type AlignmentDiagnosticState } from '../../lib/queries/use-alignment-diagnostic';
import { useI18n, type I18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { CardBoundary } from '../ui/card-boundary';
import { Icon, type LucideIcon } from '../ui/icon';
import type { TeamRange } from '../../lib/domain/team-kpis';

/**
 * The seed's alignment self-diagnosis on the team page: 15 checks with the evidence figure behind each data check,
 * the team's own answers (yes / partly / no with a note, kept with their history) for the rest, the score, which
 * of the five steps the team is in, and the issues by priority. Reads its own data (useAlignmentDiagnostic).
 */
/** `now`: the team page's minute, so the diagnostic is judged as of the same minute as the page's figures. */
export function DiagnosticSection({ range, now }: { range?: TeamRange; now?: number } = {}) {
  const { t } = useI18n();
  return (
    <CardBoundary label={t('diagnostic.title')}>
      <DiagnosticBody range={range} now={now} />
    </CardBoundary>
  );
}

const STATUS_ICON: Record<CheckStatus, LucideIcon> = { pass: CircleCheck, partial: CircleMinus, fail: CircleX, unknown: CircleHelp };
const ANSWERS: readonly SelfAnswer[] = ['yes', 'partly', 'no'];

function DiagnosticBody({ range, now }: { range: TeamRange | undefined; now: number | undefined }) {
  const i18n = useI18n();
  const { t, number, date } = i18n;
  const state = useAlignmentDiagnostic(range, now);
  const d = state.diagnostic;
  const period = { from: date(state.range.from), to: date(state.range.to - 1) };
  return (
    <Card title={t('diagnostic.title')} className="diagnostic">
      <p className="small muted">{t('diagnostic.hint')}</p>
      {/* Which figures the funnel, SLA and revenue checks read: the page's period when on the team page. */}
      <p className="small" data-testid="diagnostic-period">
        {state.followsPage ? t('diagnostic.periodOfPage', period) : t('diagnostic.periodDefault', period)}
      </p>
      {state.status === 'loading' ? <p role="status">{t('diagnostic.loading')}</p> : null}
      {state.status === 'error' ? (
        <p role="alert" className="error">
          {t('diagnostic.failed', { message: state.error ?? '' })}
        </p>
      ) : null}
      {d ? (
        <>
          {state.definitionsSource === 'demo' ? <p className="small muted">{t('diagnostic.definitionsSource.demo')}</p> : null}
          <p className="diagnostic-score">
            <strong>{t('diagnostic.score', { score: number(d.score) })}</strong> <span className="small muted">{t('diagnostic.judged', { judged: number(d.judged) })}</span>
          </p>
          <p>{t('diagnostic.stepNow', { step: t(stepTitleKey(d.step)) })}</p>
          <h3>{t('diagnostic.steps')}</h3>
          <ol className="diagnostic-steps">
            {STEP_IDS.map((s) => (
              <li key={s} aria-current={s === d.step ? 'step' : undefined}>
                {s === d.step ? <strong>{t(stepTitleKey(s))}</strong> : t(stepTitleKey(s))}
              </li>
            ))}
          </ol>
          <h3>{t('diagnostic.priorities')}</h3>
          {d.priorities.length === 0 ? (
            <p>{t('diagnostic.noPriorities')}</p>
          ) : (
            <ol className="diagnostic-priorities" aria-label={t('diagnostic.priorities')}>
              {d.priorities.map((p) => (
                <li key={p.id}>
                  <Icon icon={STATUS_ICON[p.status]} /> {t(checkTitleKey(p.id))} <span className="small muted">({t(`diagnostic.status.${p.status}`)} · {t(stepTitleKey(p.step))})</span>
                </li>
              ))}
            </ol>
          )}
          <h3>{t('diagnostic.checks')}</h3>
          <ol className="diagnostic-checks" aria-label={t('diagnostic.checks')}>
            {d.checks.map((c) => (
              <CheckItem key={c.id} check={c} i18n={i18n} onAnswer={state.answer} />
            ))}
          </ol>
          <History state={state} />
        </>
      ) : null}
    </Card>
  );
}

function CheckItem({ check, i18n, onAnswer }: { check: CheckResult; i18n: I18n; onAnswer: AlignmentDiagnosticState['answer'] }) {
  const { t, date } = i18n;
  const title = t(checkTitleKey(check.id));
  return (
    <li aria-label={title} data-check={check.id}>
      <div className="row">
        <span>
          {check.number}. {title}
        </span>
        <span className={`diagnostic-status diagnostic-${check.status}`}>
          <Icon icon={STATUS_ICON[check.status]} /> {t(`diagnostic.status.${check.status}`)}
        </span>
        <span className="small muted">{t(`diagnostic.source.${check.source}`)}</span>
      </div>
      {check.evidence ? <p className="small">{evidenceText(check, i18n)}</p> : null}
      {check.self ? (
        <p className="small muted">
          {t('diagnostic.answered', { answer: t(`diagnostic.answer.${check.self.answer}`), date: date(check.self.at) })}
          {check.self.note ? ` — ${check.self.note}` : null}
        </p>
      ) : null}
      {check.source === 'self' ? <AnswerForm check={check} i18n={i18n} onAnswer={onAnswer} /> : null}
    </li>
  );
}

function AnswerForm({ check, i18n, onAnswer }: { check: CheckResult; i18n: I18n; onAnswer: AlignmentDiagnosticState['answer'] }) {
  const { t } = i18n;
  const [answer, setAnswer] = useState<SelfAnswer | undefined>(check.self?.answer);
  const [note, setNote] = useState(check.self?.note ?? '');
  const [saving, setSaving] = useState(false);
  const name = `diagnostic-${check.id}`;
  return (
    <form
      className="row"
      onSubmit={(event) => {
        event.preventDefault();
        if (!answer) return;
        setSaving(true);
        void onAnswer(check.id, answer, note).finally(() => setSaving(false));
      }}
    >
      <fieldset className="chips">
        <legend className="small">{t('diagnostic.answer.legend', { check: String(check.number) })}</legend>
        {ANSWERS.map((a) => (
          <label key={a}>
            <input type="radio" name={name} value={a} checked={answer === a} onChange={() => setAnswer(a)} /> {t(`diagnostic.answer.${a}`)}
          </label>
        ))}
      </fieldset>
      <label className="small">
        {t('diagnostic.note')} <input type="text" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" disabled={!answer || saving}>
        {t('diagnostic.save')}
      </button>
    </form>
  );
}

function History({ state }: { state: AlignmentDiagnosticState }) {
  const { t, dateTime } = useI18n();
  if (state.history.length === 0) return null;
  return (
    <details>
      <summary>{t('diagnostic.history', { count: String(state.history.length) })}</summary>
      <ul className="small">
        {state.history.map((h) => (
          <li key={h.seq}>
            {t('diagnostic.historyItem', { date: dateTime(h.at), check: t(checkTitleKey(h.checkId)), answer: t(`diagnostic.answer.${h.answer}`) })}
            {h.note ? ` — ${h.note}` : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The evidence figure in words (ja/en): what the data shows for this check. */
export function evidenceText(check: CheckResult, { t, number, date, dateTime, locale }: I18n): string {
  const e = check.evidence;
  if (!e) return '';
  const percent = (rate: number | null) => (rate === null ? '–' : `${number(rate * 100, 1)}%`);
  switch (e.kind) {
    case 'definitions': {
      const head = e.builtIn
        ? t('diagnostic.evidence.definitionsBuiltIn')
        : t('diagnostic.evidence.definitions', { version: String(e.version), from: date(Date.parse(e.effectiveFrom)), approvers: e.approvedBy.join(locale === 'ja' ? '、' : ', ') });
      if (check.id === 'sqlWritten') return `${head} · ${t('diagnostic.evidence.sqlChecklist', { count: number(e.detail) })}`;
      if (check.id === 'handoffNumeric') return `${head} · ${t('diagnostic.evidence.mqlScore', { score: number(e.detail) })}`;
      return head;
    }
    case 'ratio': {
      if (e.rate === null) return t('diagnostic.evidence.noData');
      const key: Partial<Record<CheckResult['id'], MessageKey>> = {
        sfaMaSynced: 'diagnostic.evidence.linked',
        feedbackLoop: 'diagnostic.evidence.feedback',
        revenueJudged: 'diagnostic.evidence.revenue',
        duplicatesResolved: 'diagnostic.evidence.duplicates',
        dataEntryRules: 'diagnostic.evidence.completeness',
      };
      const k = key[check.id];
      return k ? t(k, { rate: percent(e.rate), part: number(e.part), whole: number(e.whole) }) : percent(e.rate);
    }
    case 'sla':
      return t('diagnostic.evidence.sla', { policies: number(e.policies), rate: percent(e.rate), met: number(e.met), judged: number(e.judged) });
    case 'funnel':
      return t('diagnostic.evidence.funnel', { mql: number(e.mql), sql: number(e.sql), won: number(e.won), rate: percent(e.mqlToSql) });
    case 'freshness':
      return e.syncedAt === null ? t('diagnostic.evidence.neverSynced') : t('diagnostic.evidence.fresh', { date: dateTime(e.syncedAt) });
  }
}
