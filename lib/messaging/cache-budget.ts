import { browser } from 'wxt/browser';
import type { BatonDb } from '../store/db';
import { enforceCacheBudget, type BudgetResult } from '../store/eviction';
import { ensurePeriodicAlarm } from './periodic-alarm';

export const CACHE_BUDGET_ALARM = 'baton-cache-budget';
/** Once a day is enough: the panel caches a few hundred kB per lead viewed, the budget is 200 MB by default. */
export const CACHE_BUDGET_MINUTES = 24 * 60;

/**
 * Background upkeep: once a day, evict least recently viewed people until the cache fits the budget set in
 * the options. Feedback is never evicted (lib/store/eviction.ts). The first run is an hour after install, not
 * at once, so a first start does not compete with the panel's first fetches.
 */
export function startCacheBudget(deps: { db: BatonDb }): { run: () => Promise<BudgetResult | undefined> } {
  const run = () =>
    enforceCacheBudget(deps.db).catch((error: unknown) => {
      console.warn('Baton: cache budget check failed; it runs again tomorrow', error);
      return undefined;
    });
  // The listener returns its work (never rejecting): browsers ignore it, whoever dispatched the alarm can await it.
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === CACHE_BUDGET_ALARM ? run() : undefined));
  void ensurePeriodicAlarm(CACHE_BUDGET_ALARM, CACHE_BUDGET_MINUTES, 60);
  return { run };
}
