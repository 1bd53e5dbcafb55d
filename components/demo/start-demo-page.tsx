import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { startRecordWatch } from '../../lib/messaging/record-watch';
import { detectRecord } from '../../lib/sites/detect-record';
import { ensureLeadHash } from './use-lead-hash';

/**
 * Boots a demo record page: the URL names a lead from the start, the page announces the record it shows to the
 * background exactly as the content script does on vendor pages (same watcher, same detector), then renders.
 * An extension page lives as long as its tab, so the watcher's context never becomes invalid.
 */
export function startDemoPage(Page: ComponentType, fallbackId: string): void {
  ensureLeadHash(fallbackId);
  startRecordWatch(
    {
      setInterval: (handler, timeout) => window.setInterval(handler, timeout),
      addEventListener: (target, type, handler) => target.addEventListener(type, handler),
      isInvalid: false,
    },
    detectRecord,
  );
  const root = document.getElementById('root');
  if (!root) throw new Error('Baton demo page: #root is missing from the HTML.');
  createRoot(root).render(
    <StrictMode>
      <Page />
    </StrictMode>,
  );
}
