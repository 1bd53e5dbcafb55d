import type { ReactNode } from 'react';

/**
 * Vendor data decides these URLs, so only https (and the extension's own demo pages) become links;
 * anything else (javascript:, data:, http:) is shown as plain text.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol === 'https:') return u.href;
    if ((u.protocol === 'chrome-extension:' || u.protocol === 'moz-extension:') && /^\/demo-(sfa|ma)\.html$/.test(u.pathname)) {
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
