import { createContext, useContext, type ReactNode } from 'react';
import type { FigurePath, TeamRange } from '../../lib/domain/team-kpis';

/** What a number on the team page opens: the people behind `path` in `range` (the period unless a week's cell). */
export type DrillRequest = { path: FigurePath; range?: TeamRange; label: string };

export const DrillContext = createContext<(request: DrillRequest) => void>(() => undefined);

/**
 * Every figure is a button: its text is the number, its accessible name says what it counts, and a click lists the
 * people behind it. A figure nobody is behind (0, or a percentage with no cohort) is plain text.
 */
export function FigureButton({ path, range, label, children, empty = false }: { path: FigurePath; range?: TeamRange; label: string; children: ReactNode; empty?: boolean }) {
  const open = useContext(DrillContext);
  if (empty) return <span>{children}</span>;
  return (
    <button type="button" className="link figure" aria-label={label} onClick={() => open({ path, ...(range ? { range } : {}), label })}>
      {children}
    </button>
  );
}
