import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { AppRoot } from '../../components/app/app-root';
import { TeamApp } from '../../components/team/team-app';

createRoot(document.getElementById('root')!).render(
  <AppRoot>
    <TeamApp />
  </AppRoot>,
);
