/** Small URL helpers shared by the detectors. Dependency-free: the content script bundles them. */

export function toUrl(input: string | URL): URL | null {
  if (input instanceof URL) return input;
  try {
    return new URL(input);
  } catch {
    return null;
  }
}

/** Decoded, non-empty path segments; null when a segment is not valid percent-encoding. */
export function pathSegments(url: URL): string[] | null {
  const out: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    try {
      out.push(decodeURIComponent(raw));
    } catch {
      return null;
    }
  }
  return out;
}

/** Parameters in a `#a=1&b=2` fragment (kintone keeps the record number there). */
export function hashParams(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.replace(/^#/, ''));
}

/** A query parameter looked up case-insensitively: ASP.NET (Dynamics main.aspx) reads query keys that way. */
export function queryParam(url: URL, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === wanted) return value;
  }
  return null;
}

export const DIGITS = /^[0-9]{1,20}$/;
