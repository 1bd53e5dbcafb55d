/**
 * How far a page scrolls sideways, measured after the next frame's layout, with the widest elements that stick
 * out past the viewport named (tag.class) so a failure says what to fix. Runs in the page: Playwright's and
 * Puppeteer's `evaluate` both take it.
 */
export async function sidewaysOverflow(): Promise<{ overflow: number; culprits: string[] }> {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const root = document.documentElement;
  const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
    .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)}px)`);
  return { overflow: root.scrollWidth - root.clientWidth, culprits };
}
