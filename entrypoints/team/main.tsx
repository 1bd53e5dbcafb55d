import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { AppRoot } from '../../components/app/app-root';
import { TeamApp } from '../../components/team/team-app';
import { db } from '../../lib/store/db';

// A phase mark: `npm run bench` prints when the page's modules had loaded (scripts/bench/team-page-chromium.ts).
performance.mark('baton:modules');
// The database opens while React renders (Dexie would open it at the first read, after the first render's effects):
// the next visit paints from a few reads of it. A failure is reported by those reads.
db.open().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <AppRoot>
    <TeamApp />
  </AppRoot>,
);
