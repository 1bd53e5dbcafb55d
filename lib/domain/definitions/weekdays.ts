/** The business calendar's days, Sunday first as `Date.getUTCDay()` counts; apart from schema.ts so the engines need no zod. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
