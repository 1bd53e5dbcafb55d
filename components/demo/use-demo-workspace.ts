import { useEffect, useMemo, useState } from 'react';
import { demoAnchor, generateDemoWorkspace, type DemoWorkspace } from '../../lib/connectors/demo/dataset';

const HOUR = 3_600_000;

/**
 * The demo workspace as of this hour, as the demo connector serves it (same seed, same anchor), so the page
 * and the panel beside it show the same facts. It moves on at the top of the next hour, like the connector.
 */
export function useDemoWorkspace(clock: () => number = Date.now): DemoWorkspace {
  const [anchor, setAnchor] = useState(() => demoAnchor(clock()));
  useEffect(() => {
    const next = demoAnchor(clock()) + HOUR;
    const timer = setTimeout(() => setAnchor(demoAnchor(clock())), Math.max(1_000, next - clock() + 1_000));
    return () => clearTimeout(timer);
  }, [anchor, clock]);
  return useMemo(() => generateDemoWorkspace({ anchor }), [anchor]);
}
