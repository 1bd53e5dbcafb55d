import type { FirstPaint } from '../../lib/queries/first-paint';
import { translatorOf, type Catalog } from '../../lib/i18n/interpolate';
import type { Locale } from '../../lib/i18n/locale';
import { i18nOf, I18nValueProvider } from '../i18n/i18n-context';
import { defaultView } from './default-view';
import { FirstFrameProvider } from './first-frame';
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
export function FirstPaintPanel({
  paint,
  locale,
  catalog,
  now,
  clock = Date.now,
  firstFrame = false,
}: {
  paint: FirstPaint;
  /** The panel's language (the settings' language, resolved as the app does) and its catalog, the only one loaded. */
  locale: Locale;
  catalog: Catalog;
  now: number;
  clock?: () => number;
  /** Only the top of the panel (first-frame.tsx): main.tsx draws it first, then the whole. */
  firstFrame?: boolean;
}) {
  return (
    <I18nValueProvider value={i18nOf(locale, paint.definitions.calendar.timeZone, translatorOf(catalog))}>
      <FirstFrameProvider value={firstFrame}>
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
      </FirstFrameProvider>
    </I18nValueProvider>
  );
}
