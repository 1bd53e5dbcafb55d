import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { AppRoot } from '../../components/app/app-root';
import { TeamApp } from '../../components/team/team-app';

// A phase mark: `npm run bench` prints when the page's modules had loaded (scripts/bench/team-page-chromium.ts).
performance.mark('baton:modules');

createRoot(document.getElementById('root')!).render(
  <AppRoot>
    <TeamApp />
  </AppRoot>,
);
