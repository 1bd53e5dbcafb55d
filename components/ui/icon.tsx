import type { LucideIcon } from 'lucide-react';

export type { LucideIcon };

/**
 * Every icon of the UI is an SVG from lucide-react (https://lucide.dev), never an emoji: emoji render as empty
 * boxes on systems without an emoji font (a stock Debian desktop, many corporate images). Measured against
 * @phosphor-icons/react 2.1.10 for the 45 icons Baton uses, in a tree-shaken production build: lucide adds
 * 15.5 kB (5.7 kB gzipped), phosphor 125 kB (30 kB gzipped, every icon carries its six weights); lucide also
 * hides an icon without an accessible prop from assistive technology by itself.
 *
 * Icons here stand beside their word, which is the accessible name: they are decorative, hidden from screen
 * readers, sized to the text around them, and drawn in its colour.
 */
export function Icon({ icon: Glyph, className }: { icon: LucideIcon; className?: string }) {
  return <Glyph aria-hidden="true" focusable="false" size="1em" className={className ? `glyph ${className}` : 'glyph'} />;
}
