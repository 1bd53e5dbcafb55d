import { browser } from 'wxt/browser';

/**
 * Creates a repeating alarm unless it already exists. `alarms.create` with an existing name replaces it and
 * restarts its period, so calling it on every service-worker wake-up (every few minutes) would keep pushing a
 * daily alarm into the future and it would never fire. Alarms survive worker suspension and browser restarts.
 * https://developer.chrome.com/docs/extensions/reference/api/alarms#method-create
 */
export async function ensurePeriodicAlarm(name: string, periodInMinutes: number, delayInMinutes = periodInMinutes): Promise<void> {
  try {
    const existing = await browser.alarms.get(name);
    if (existing?.periodInMinutes === periodInMinutes) return;
    await browser.alarms.create(name, { delayInMinutes, periodInMinutes });
  } catch (error) {
    console.warn(`Baton: could not schedule the ${name} alarm`, error);
  }
}
