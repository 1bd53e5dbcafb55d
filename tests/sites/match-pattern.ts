/**
 * A test-side reading of Chrome match patterns (scheme://host/path, `*.` host wildcard, `*` path glob):
 * https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 * Enough to check that the manifest's patterns cover exactly what the detectors accept.
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(https?|\*):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`Not a match pattern: ${pattern}`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const urlScheme = url.protocol.replace(/:$/, '');
  if (scheme === '*' ? urlScheme !== 'http' && urlScheme !== 'https' : scheme !== urlScheme) return false;
  const hostname = url.hostname;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (hostname !== base && !hostname.endsWith(`.${base}`)) return false;
    } else if (hostname !== host) return false;
  }
  const glob = new RegExp(`^${path.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(url.pathname + url.search);
}
