/**
 * `npm run screenshots`: the README's pictures, from the production build in Chromium on the demo workspace.
 * Both views (sales on the SFA-like page, marketing on the MA-like page), in Japanese and in English, plus the
 * panel beside the demo record; the team dashboard and its review pack, my queue, and the definitions workshop with
 * its what-if, each after the demo's team sync.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEMO_DEFAULT_LEAD } from '../lib/connectors/demo/featured';
import { DEFAULT_DEFINITIONS } from '../lib/domain/definitions/default-definitions';
import { en } from '../lib/i18n/messages-en';
import { ja } from '../lib/i18n/messages-ja';
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

/** The team layer on the demo: the dashboard (and its review pack), my queue, the workshop's what-if. */
async function shootTeam(locale: 'en' | 'ja'): Promise<void> {
  const words = locale === 'ja' ? ja : en;
  const ext = await launchWithExtension({ locale: locale === 'ja' ? 'ja-JP' : 'en-US' });
  try {
    const team = await ext.context.newPage();
    await team.setViewportSize({ width: 1200, height: 1700 });
    await team.goto(ext.url('team.html?period=quarter'));
    await team.getByText(words['teamPage.state.noData']).waitFor({ timeout: 30_000 });
    await team.getByRole('button', { name: words['team.syncNow'] }).click();
    // Done when the page says what its data is as of (the sync completed), as the e2e test waits.
    const asOf = new RegExp(words['teamPage.asOf'].split('{date}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+'));
    await team.getByText(asOf).first().waitFor({ timeout: 180_000 });
    await team.getByRole('table', { name: words['teamPage.funnel.table'] }).waitFor({ timeout: 60_000 });
    await settle(team);
    await team.screenshot({ path: `${OUT}/team-page-${locale}.png` });
    if (locale === 'en') {
      // The last review meeting, four weeks ago: the quarter so far, as the pack made then showed it (the page's clock
      // set back four weeks, the period ending that day: the snapshot already holds what happened since, which that
      // meeting could not have seen). Today's pack then says what changed since that meeting.
      const back = 28 * 86_400_000;
      const thenDay = new Date(Date.now() - back + 9 * 3_600_000).toISOString().slice(0, 10); // the demo team's calendar is Asia/Tokyo
      const [year, month] = thenDay.split('-').map(Number) as [number, number];
      const quarterStart = `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
      const earlier = await ext.context.newPage();
      await earlier.addInitScript((back) => {
        const real = Date.now.bind(Date);
        Date.now = () => real() - back;
      }, back);
      await earlier.setViewportSize({ width: 900, height: 1300 });
      await earlier.goto(ext.url(`team.html?period=custom&from=${quarterStart}&to=${thenDay}&print=1`));
      await earlier.getByRole('table', { name: words['teamPage.funnel.table'] }).waitFor({ timeout: 60_000 });
      await earlier.getByText(words['teamPage.review.first']).waitFor({ timeout: 60_000 });
      await earlier.close();
      const pack = await ext.context.newPage();
      await pack.setViewportSize({ width: 900, height: 1300 });
      await pack.goto(ext.url('team.html?period=quarter&print=1'));
      await pack.getByRole('table', { name: words['teamPage.funnel.table'] }).waitFor({ timeout: 60_000 });
      await settle(pack);
      await pack.emulateMedia({ media: 'print' });
      await pack.screenshot({ path: `${OUT}/review-pack-${locale}.png` });
      await pack.close();
    }

    // My queue: a panel whose tab shows no record, for the demo rep.
    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: PANEL.width, height: 900 });
    await panel.goto(ext.url('sidepanel.html'));
    const list = panel.getByRole('list', { name: words['queue.heading'] });
    const syncNow = panel.getByRole('button', { name: words['queue.syncNow'] });
    await Promise.race([syncNow.waitFor({ timeout: 30_000 }).then(() => syncNow.click()), list.waitFor({ timeout: 30_000 })]);
    await list.waitFor({ timeout: 60_000 });
    await settle(panel);
    await panel.screenshot({ path: `${OUT}/my-queue-${locale}.png` });
    await panel.close();

    // The workshop: the MQL threshold raised by 20, the what-if beside it.
    const options = await ext.context.newPage();
    await options.setViewportSize({ width: 1280, height: 1200 });
    await options.goto(ext.url('options.html'));
    const mqlRow = options.getByRole('row', { name: new RegExp(`^${words['ws.whatIf.mql']}`) });
    await mqlRow.waitFor({ timeout: 60_000 });
    await options.getByLabel(words['ws.minScore'], { exact: true }).fill(String(DEFAULT_DEFINITIONS.qualification.mql.minScore + 20));
    const before = await mqlRow.getByRole('cell').nth(0).textContent();
    await options.waitForFunction(
      ([name, first]) => {
        const row = [...document.querySelectorAll('tr')].find((r) => r.textContent?.startsWith(name ?? ''));
        const cells = row?.querySelectorAll('td');
        return cells && cells.length > 1 && cells[1]!.textContent !== first;
      },
      [words['ws.whatIf.mql'], before] as const,
      { timeout: 120_000 },
    );
    await settle(options);
    const workshop = options.getByRole('region', { name: words['ws.title'] });
    await workshop.screenshot({ path: `${OUT}/workshop-${locale}.png` });
    await options.close();
  } finally {
    await ext.close();
  }
}

mkdirSync(OUT, { recursive: true });
await shoot('en');
await shoot('ja');
await shootTeam('en');
await shootTeam('ja');
console.log(`screenshots written to ${OUT}/`);
