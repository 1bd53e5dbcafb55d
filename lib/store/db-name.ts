/** The app database's name, apart from db.ts so the panel's warm-up (warm-store.ts) names it without Dexie. */
export const DB_NAME = 'baton';
