/**
 * `npm run screenshots`: the README's pictures, from the production build in Chromium on the demo workspace.
 * Both views (sales on the SFA-like page, marketing on the MA-like page), in Japanese and in English, plus the
 * panel beside the demo record.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEMO_DEFAULT_LEAD } from '../lib/connectors/demo/featured';
import { launchWithExtension, openPanelAsTab, tabIdShowing } from '../tests/e2e/support/browser';

const OUT = 'docs/screenshots';
const PANEL = { width: 400, height: 1100 };

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 15_000 });
  await page.waitForTimeout(400);
}

async function shoot(locale: 'en' | 'ja'): Promise<void> {
  const ext = await launchWithExtension({ locale: locale === 'ja' ? 'ja-JP' : 'en-US' });
  try {
    for (const [surface, id, view] of [
      ['sfa', DEMO_DEFAULT_LEAD.sfa, 'sales'],
      ['ma', DEMO_DEFAULT_LEAD.ma, 'marketing'],
    ] as const) {
      const record = await ext.context.newPage();
      await record.setViewportSize({ width: 880, height: PANEL.height });
      await record.goto(ext.url(`demo-${surface}.html#/lead/${id}`));
      const panel = await openPanelAsTab(ext, await tabIdShowing(ext, id));
      await panel.setViewportSize(PANEL);
      await settle(panel);
      await settle(record);
      const panelPng = await panel.screenshot({ path: `${OUT}/panel-${view}-${locale}.png` });
      if (surface === 'sfa') {
        // The panel beside the record, as a person sees it with the side panel docked.
        const recordPng = await record.screenshot();
        const board = await ext.context.newPage();
        await board.setViewportSize({ width: 880 + PANEL.width + 1, height: PANEL.height });
        await board.setContent(
          `<body style="margin:0;display:flex;background:#dadce0;gap:1px">
             <img src="data:image/png;base64,${recordPng.toString('base64')}">
             <img src="data:image/png;base64,${panelPng.toString('base64')}">
           </body>`,
        );
        await board.screenshot({ path: `${OUT}/beside-record-${locale}.png` });
        await board.close();
      }
      await panel.close();
      await record.close();
    }
  } finally {
    await ext.close();
  }
}

mkdirSync(OUT, { recursive: true });
await shoot('en');
await shoot('ja');
console.log(`screenshots written to ${OUT}/`);
