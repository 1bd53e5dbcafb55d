import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState, type ReactNode } from 'react';
import { BatonDepsContext } from '../../lib/queries/baton-deps';
import { createBatonQueryClient } from '../../lib/queries/query-client';
import { AppI18nProvider } from '../i18n/app-i18n-provider';
import { extensionDeps } from './extension-deps';
import '../ui/theme.css';

/** The providers every extension page needs, in one place: deps, query client, language. */
export function AppRoot({ children }: { children: ReactNode }) {
  const [client] = useState(createBatonQueryClient);
  return (
    <StrictMode>
      <BatonDepsContext.Provider value={extensionDeps}>
        <QueryClientProvider client={client}>
          <AppI18nProvider>{children}</AppI18nProvider>
        </QueryClientProvider>
      </BatonDepsContext.Provider>
    </StrictMode>
  );
}
