import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { extensionLifetime, startRecordWatch } from '../../lib/messaging/record-watch';
import { detectRecord } from '../../lib/sites/detect-record';
import { ensureLeadHash } from './use-lead-hash';

/**
 * Boots a demo record page: the URL names a lead from the start, the page announces the record it shows to the
 * background exactly as the content script does on vendor pages (same watcher, same detector), then renders.
 * An extension page lives as long as its tab (and the extension), which is the watcher's lifetime.
 */
export function startDemoPage(Page: ComponentType, fallbackId: string): void {
  ensureLeadHash(fallbackId);
  startRecordWatch(extensionLifetime(), detectRecord);
  const root = document.getElementById('root');
  if (!root) throw new Error('Baton demo page: #root is missing from the HTML.');
  createRoot(root).render(
    <StrictMode>
      <Page />
    </StrictMode>,
  );
}
