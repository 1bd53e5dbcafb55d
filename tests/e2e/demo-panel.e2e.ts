import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDemoConnector } from '../../lib/connectors/demo/demo-connector';
import { DEMO_FEATURED, type FeaturedLead } from '../../lib/connectors/demo/featured';
import { assessLead, type Assessment } from '../../lib/domain/assess-lead';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { LeadContext } from '../../lib/domain/model';
import { en } from '../../lib/i18n/messages-en';
import { launchWithExtension, openPanelAsTab, tabIdShowing, type LaunchedExtension } from './support/browser';
import { sidewaysOverflow } from './support/sideways-scroll';

// What the panel shows for demo leads, checked against the domain engines run here on the same workspace.
let ext: LaunchedExtension;
const demo = createDemoConnector({ pageBase: 'chrome-extension://demo/' });

async function expected(lead: FeaturedLead): Promise<{ context: LeadContext; assessment: Assessment }> {
  const now = Date.now();
  const context = await demo.fetchContext({ system: 'demo', instance: 'sfa', object: 'lead', id: lead.sfa }, { now });
  return { context, assessment: assessLead(context, [DEFAULT_DEFINITIONS], now) };
}

async function openLead(lead: FeaturedLead, surface: 'sfa' | 'ma' = 'sfa'): Promise<{ record: Page; panel: Page }> {
  const id = surface === 'sfa' ? lead.sfa : lead.ma;
  const record = await ext.context.newPage();
  await record.goto(ext.url(`demo-${surface}.html#/lead/${id}`));
  const panel = await openPanelAsTab(ext, await tabIdShowing(ext, id));
  await panel.setViewportSize({ width: 420, height: 1000 });
  await panel.locator('.temperature, .handoff, [data-band]').first().waitFor({ timeout: 15_000 });
  return { record, panel };
}

const text = (page: Page, selector = 'body') => page.locator(selector).first().evaluate((el) => (el as HTMLElement).textContent ?? '');

beforeAll(async () => {
  ext = await launchWithExtension({ locale: 'en-US' });
});
afterAll(async () => {
  await ext?.close();
});

describe('the sales view of demo leads, as the engines judge them', () => {
  for (const story of ['hotJustHandedOff', 'warmAtRisk', 'hotBreached', 'slaMet', 'cold'] as const) {
    it(`${story}: band, SLA status, newest engagement and qualification rows`, async () => {
      const lead = DEMO_FEATURED[story];
      const { panel, record } = await openLead(lead);
      const { context, assessment } = await expected(lead);

      const band = assessment.temperature.band;
      expect(await panel.locator('.temperature [data-band]').first().getAttribute('data-band')).toBe(band);
      expect(await text(panel, '.temperature')).toContain(en[`band.${band}`]);
      expect(await text(panel, '.temperature')).toContain(String(Math.round(assessment.temperature.score)));

      if (assessment.sla) {
        // The SLA clock runs while the test does: compare with the engine at the moment of each look.
        await expect
          .poll(async () => {
            const shown = await text(panel, '.sla');
            const now = await expected(lead);
            return shown.includes(en[`sla.status.${now.assessment.sla!.status}`]);
          }, { timeout: 5_000 })
          .toBe(true);
      }

      const newest = [...context.events].sort((a, b) => b.occurredAt - a.occurredAt).slice(0, 3);
      const timeline = await text(panel, '.timeline-day');
      expect(newest.length === 0 || timeline.length > 0).toBe(true);
      const allTimeline = (await panel.locator('.event').allTextContents()).join('\n');
      for (const event of newest) {
        expect(allTimeline).toContain(en[`event.${event.type}`]);
        if (event.asset) expect(allTimeline).toContain(event.asset);
      }

      const rows = panel.locator('.qualification .criteria').first().locator('li');
      expect(await rows.count()).toBe(assessment.qualification.mql.criteria.length);
      for (const [i, criterion] of assessment.qualification.mql.criteria.entries()) {
        const row = rows.nth(i);
        expect(await row.textContent()).toContain(criterion.label.en);
        expect(await row.locator('.mark').getAttribute('aria-label')).toBe(criterion.passed ? en['qual.pass'] : en['qual.fail']);
      }
      expect(await text(panel, '.qualification')).toContain(
        assessment.qualification.mql.passed ? en['qual.mqlPassed'] : en['qual.mqlFailed'],
      );
      await panel.close();
      await record.close();
    });
  }
});

describe('one-click feedback in the real extension', () => {
  it('records a click at once, delivers it, and still shows it delivered after a reload', async () => {
    const lead = DEMO_FEATURED.englishOpportunity;
    const { panel, record } = await openLead(lead);
    const mine = panel.locator('.feedback-list li').filter({ hasText: `${en['fb.you']} · ${en['fb.good']}` });
    expect(await mine.count()).toBe(0);
    const clickedAt = Date.now();
    await panel.getByRole('button', { name: en['fb.good'] }).click();
    // On screen at once, waiting out the undo window…
    await expect.poll(() => mine.first().textContent().catch(() => ''), { timeout: 2_000, interval: 50 }).toContain(en['fb.state.pending']);
    expect(Date.now() - clickedAt).toBeLessThan(2_000);
    // …then the background worker's outbox delivers it to the demo workspace.
    await expect.poll(() => mine.first().textContent(), { timeout: 30_000, interval: 250 }).toContain(en['fb.state.sent']);
    expect(Date.now() - clickedAt).toBeGreaterThanOrEqual(5_000);
    await panel.reload();
    await expect.poll(() => mine.count(), { timeout: 10_000 }).toBe(1);
    expect(await mine.first().textContent()).toContain(en['fb.state.sent']);
    await panel.close();
    await record.close();
  });
});

describe('accessibility and layout', () => {
  it('has no serious or critical axe violations in the three views, the options page and the demo pages', async () => {
    const { panel, record } = await openLead(DEMO_FEATURED.slaMet);
    const problems: string[] = [];
    const audit = async (page: Page, where: string) => {
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }
    };
    await audit(panel, 'sales view');
    await panel.getByRole('tab', { name: en['tabs.marketing'] }).click();
    await audit(panel, 'marketing view');
    await panel.getByRole('tab', { name: en['tabs.definitions'] }).click();
    await audit(panel, 'definitions view');
    await audit(record, 'demo SFA page');
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    await options.waitForLoadState('networkidle');
    await audit(options, 'options page');
    expect(problems).toEqual([]);
    await options.close();
    await panel.close();
    await record.close();
    // Six full axe runs: on a busy 2-core CI box they take minutes, not the suite's one.
  }, 240_000);

  it('works by keyboard: arrow keys move between the views', async () => {
    const { panel, record } = await openLead(DEMO_FEATURED.hotJustHandedOff);
    await panel.getByRole('tab', { name: en['tabs.sales'] }).focus();
    await panel.keyboard.press('ArrowRight');
    expect(await panel.getByRole('tab', { name: en['tabs.marketing'] }).getAttribute('aria-selected')).toBe('true');
    await panel.keyboard.press('Enter');
    await expect.poll(() => text(panel)).toContain(en['handoff.heading']);
    await panel.close();
    await record.close();
  });

  it('fits every view from 240 px (Firefox default sidebar) to 600 px wide without sideways scrolling', async () => {
    const { panel, record } = await openLead(DEMO_FEATURED.englishOpportunity);
    for (const view of ['tabs.sales', 'tabs.marketing', 'tabs.definitions'] as const) {
      await panel.getByRole('tab', { name: en[view] }).click();
      for (const width of [240, 320, 400, 600]) {
        await panel.setViewportSize({ width, height: 900 });
        const { overflow, culprits } = await panel.evaluate(sidewaysOverflow);
        expect(overflow, `${en[view]} at ${width}px scrolls sideways: ${culprits.join(', ')}`).toBeLessThanOrEqual(0);
      }
    }
    await panel.close();
    await record.close();
  });
});
