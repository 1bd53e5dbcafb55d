import { createContext, useContext, type ReactNode } from 'react';

const FirstFrame = createContext(false);

/**
 * The side panel's first frame (issue 16): the first paint draws the top of the panel (the header, the feedback
 * buttons, the tabs and the view's first cards) in one frame and what lies below in the next, so the temperature
 * and the SLA reach the screen without waiting for the timeline and the lists under them. The full app never sets it.
 */
export function FirstFrameProvider({ value, children }: { value: boolean; children: ReactNode }) {
  return <FirstFrame.Provider value={value}>{children}</FirstFrame.Provider>;
}

/** Cards below the top of the panel: not drawn in the first paint's first frame, drawn in the frame after it. */
export function BelowFirstFrame({ children }: { children: ReactNode }) {
  return useContext(FirstFrame) ? null : children;
}
