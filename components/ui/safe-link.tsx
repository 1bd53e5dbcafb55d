import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';

/**
 * Vendor data decides these URLs, so only https (and Baton's own demo pages) become links; anything else
 * (javascript:, data:, http:, another extension's pages) is shown as plain text.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol === 'https:') return u.href;
    // Only this extension's origin: a link to another extension's page would open whatever it serves there.
    // (Compared by scheme and host: URL.origin is "null" for extension schemes outside the browser.)
    const own = new URL(browser.runtime.getURL('/'));
    if (u.protocol === own.protocol && u.host === own.host && /^\/demo-(sfa|ma)\.html$/.test(u.pathname)) {
      return u.href;
    }
  } catch {
    // not a URL: plain text
  }
  return undefined;
}

export function SafeLink({ url, children, label }: { url: string | undefined; children: ReactNode; label?: string }) {
  const href = safeHref(url);
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>
      {children}
    </a>
  );
}
