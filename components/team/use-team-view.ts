import { useCallback, useEffect, useState } from 'react';
import { parseTeamView, teamViewSearch, type TeamView } from './team-url';

/**
 * The view from the page's URL; a change replaces the URL (no history entry per click) so the address bar is always
 * a link to what is on screen. Back/forward between shared links still work (popstate).
 */
export function useTeamView(): [TeamView, (next: TeamView) => void] {
  const [view, setView] = useState(() => parseTeamView(location.search));
  useEffect(() => {
    const onPop = () => setView(parseTeamView(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((next: TeamView) => {
    history.replaceState(history.state, '', `${location.pathname}${teamViewSearch(next)}${location.hash}`);
    setView(next);
  }, []);
  return [view, update];
}
