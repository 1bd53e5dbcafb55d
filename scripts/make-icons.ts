/**
 * `npx vite-node scripts/make-icons.ts`: Baton's toolbar and store icon, public/icon/{16,32,48,96,128}.png.
 * Run once when the icon changes; the PNGs are committed (the build only copies them).
 *
 * The glyph is lucide's `arrow-right-left` (https://lucide.dev/icons/arrow-right-left) from lucide-react, the library
 * the UI draws its icons with: two arrows passing each other, the hand-off between sales and marketing. White on Baton's
 * blue rounded square, drawn by Debian's Chromium (playwright-core, already a dev dependency; no new package).
 * Below 48 px the stroke is thicker and the glyph fills more of the square, so it stays legible at 16 px.
 */
import { mkdirSync } from 'node:fs';
import { ArrowRightLeft } from 'lucide-react';
import { chromium } from 'playwright-core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { chromiumPath } from '../tests/e2e/support/browser';

const SIZES = [16, 32, 48, 96, 128] as const;
const OUT = 'public/icon';
const BLUE = '#1a73e8';

function svgFor(size: number): string {
  const small = size < 48;
  // The glyph's 24-unit grid inside the square with a margin; less margin and a thicker stroke when small.
  const inset = small ? 2.5 : 4.5;
  const inner = 24 - 2 * inset;
  const glyph = renderToStaticMarkup(
    createElement(ArrowRightLeft, { color: '#fff', strokeWidth: ((small ? 3 : 2.25) * 24) / inner, x: inset, y: inset, width: inner, height: inner }),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24">
    <rect width="24" height="24" rx="${small ? 4 : 5}" fill="${BLUE}"/>${glyph}</svg>`;
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<body style="margin:0;background:transparent">${svgFor(size)}</body>`);
    await page.locator('body > svg').screenshot({ path: `${OUT}/${size}.png`, omitBackground: true });
  }
} finally {
  await browser.close();
}
console.log(`icons written to ${OUT}/: ${SIZES.join(', ')} px`);
