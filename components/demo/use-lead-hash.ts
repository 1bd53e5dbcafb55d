import { useCallback, useEffect, useState } from 'react';

/** `#/lead/{id}`: the demo pages' in-page route, the way Lightning changes records without a page load. */
const LEAD_HASH = /^#\/lead\/([A-Za-z0-9_-]{1,64})\/?$/;

export function leadIdFromHash(hash: string): string | null {
  return LEAD_HASH.exec(hash)?.[1] ?? null;
}

export function leadHash(id: string): string {
  return `#/lead/${encodeURIComponent(id)}`;
}

/**
 * With no lead in the URL, write the fallback lead's hash (replacing the entry, not pushing one), so the page
 * is recognized as that record from its first moment.
 */
export function ensureLeadHash(fallbackId: string): void {
  if (!leadIdFromHash(window.location.hash)) history.replaceState(history.state, '', leadHash(fallbackId));
}

/**
 * The lead id in the page's hash, following in-page navigation. With no id, the page shows `fallbackId`
 * and writes it into the URL (replacing, not pushing), so the page is recognized as that record at once.
 */
export function useLeadHash(fallbackId: string): { leadId: string; open: (id: string) => void } {
  const [leadId, setLeadId] = useState(() => leadIdFromHash(window.location.hash) ?? fallbackId);
  useEffect(() => {
    const sync = () => setLeadId(leadIdFromHash(window.location.hash) ?? fallbackId);
    ensureLeadHash(fallbackId);
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, [fallbackId]);
  const open = useCallback((id: string) => {
    window.location.hash = leadHash(id);
  }, []);
  return { leadId, open };
}
