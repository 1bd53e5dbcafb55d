/**
 * The demo team's sales reps, apart from the rest of the catalog: the panel's rep picker and "My queue" need
 * the names without loading the demo generator.
 */
export interface SalesRep {
  name: string;
  locale: 'ja' | 'en';
}

export const SALES_REPS: readonly SalesRep[] = [
  { name: '佐藤 健一', locale: 'ja' },
  { name: '鈴木 美咲', locale: 'ja' },
  { name: '高橋 大輔', locale: 'ja' },
  { name: '伊藤 由美', locale: 'ja' },
  { name: '渡辺 翔太', locale: 'ja' },
  { name: 'Emily Carter', locale: 'en' },
  { name: 'James Wilson', locale: 'en' },
  { name: 'Priya Nair', locale: 'en' },
];

/**
 * The rep the demo signs in as by default: "My queue" holds their open leads, and the featured stories give them
 * one lead in every SLA state (on track, at risk, breached, met). The person may pick another rep in options.
 */
export const DEMO_REP = '佐藤 健一';
