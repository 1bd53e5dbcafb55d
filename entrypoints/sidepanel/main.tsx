import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { AppRoot } from '../../components/app/app-root';
import { extensionDeps } from '../../components/app/extension-deps';
import { PanelApp } from '../../components/panel/panel-app';

// The database opens while React builds the first frame, not after it (the first live query would open it).
void extensionDeps.db.open().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <AppRoot>
    <PanelApp />
  </AppRoot>,
);
