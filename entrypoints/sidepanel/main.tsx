import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { AppRoot } from '../../components/app/app-root';
import { PanelApp } from '../../components/panel/panel-app';

createRoot(document.getElementById('root')!).render(
  <AppRoot>
    <PanelApp />
  </AppRoot>,
);
