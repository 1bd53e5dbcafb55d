/** Origin and path only, so page secrets in query strings and fragments never travel to the panel. */
export function pageLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`.slice(0, 2048);
  } catch {
    return '';
  }
}
