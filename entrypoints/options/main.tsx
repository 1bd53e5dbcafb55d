import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import { AppRoot } from '../../components/app/app-root';
import { OptionsApp } from '../../components/options/options-app';

createRoot(document.getElementById('root')!).render(
  <AppRoot>
    <OptionsApp />
  </AppRoot>,
);
