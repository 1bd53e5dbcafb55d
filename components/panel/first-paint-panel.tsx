import type { FirstPaint } from '../../lib/queries/first-paint';
import { resolveLocale } from '../../lib/i18n/locale';
import { I18nProvider } from '../i18n/i18n-provider';
import { defaultView } from './default-view';
import { LeadPanelView, PanelFrame } from './lead-panel-view';
import { RecordLine } from './record-line';
import '../ui/theme.css';

const nothing = () => undefined;

/**
 * The panel's first view of a cached lead, drawn before the app's code has loaded (entrypoints/sidepanel/main.tsx):
 * the same frame, cards and record line `PanelApp` draws for it, from values read without Dexie or zod. It is
 * static: the page holds it inert (no click is taken) and puts the full app in its place as soon as the full app
 * has the same lead on screen.
 */
export function FirstPaintPanel({ paint, languages, now, clock = Date.now }: { paint: FirstPaint; languages?: readonly string[]; now: number; clock?: () => number }) {
  const locale = resolveLocale(paint.language, languages ?? globalThis.navigator?.languages);
  return (
    <I18nProvider locale={locale} timeZone={paint.definitions.calendar.timeZone}>
      <PanelFrame>
        <LeadPanelView
          recordRef={paint.ref}
          context={paint.context}
          assessment={paint.assessment}
          lead={{ status: paint.status, fetchedAt: paint.fetchedAt, sources: paint.sources, error: null, backgroundPaused: false, refetch: nothing }}
          feedback={paint.feedback}
          currentUser={paint.currentUser}
          feedbackNow={now}
          clock={clock}
          view={defaultView(paint.ref, paint.defaultRole)}
          onSelectView={nothing}
          definitions={paint.definitions}
          notice={null}
          onGive={nothing}
          onSaveReasons={nothing}
          onUndo={nothing}
          onRetryFeedback={nothing}
        />
        <RecordLine recordRef={paint.ref} />
      </PanelFrame>
    </I18nProvider>
  );
}
