import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { AppRoot } from '../../components/app/app-root';
import { extensionDeps } from '../../components/app/extension-deps';
import { PanelApp } from '../../components/panel/panel-app';

/**
 * The panel's app, loaded by main.tsx after its first paint. With a first paint on screen the app renders hidden and
 * is put in its place in the commit where it first shows something other than its loading state (PanelApp's
 * `onShown`, a layout effect: before the browser paints, so the two never show together and nothing jumps).
 */
export function mountPanelApp(removeFirstPaint: (() => void) | null): void {
  // The database opens while React builds the first frame, not after it (the first live query would open it).
  void extensionDeps.db.open().catch(() => undefined);
  const container = document.getElementById('root')!;
  let firstPaint = removeFirstPaint;
  const show = () => {
    if (!firstPaint) return;
    firstPaint();
    firstPaint = null;
    container.hidden = false;
  };
  if (firstPaint) container.hidden = true;
  const root = createRoot(container, {
    // An app that fails outright is shown failing (and logged), not hidden behind an inert first paint.
    onUncaughtError: (error) => {
      show();
      console.error(error);
    },
  });
  root.render(
    <AppRoot>
      <PanelApp onShown={show} />
    </AppRoot>,
  );
}
