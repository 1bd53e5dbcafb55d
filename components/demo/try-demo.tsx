import { demoPagePath } from '../../lib/connectors/demo/demo-ids';
import { DEMO_DEFAULT_LEAD, DEMO_FEATURED, FEATURED_STORIES } from '../../lib/connectors/demo/featured';
import './try-demo.css';

const TEXT = {
  ja: {
    title: 'デモを試す',
    intro: 'ベンダーに接続しなくても、架空のデータで Baton を試せます。デモのページを開き、ツールバーの Baton アイコンをクリックしてください。',
    crm: 'デモ CRM を開く（Salesforce 風）',
    ma: 'デモ MA を開く（Marketo 風）',
    stories: '注目のリード',
  },
  en: {
    title: 'Try the demo',
    intro: 'Try Baton on fictional data, no vendor account needed. Open a demo page, then click the Baton icon in the toolbar.',
    crm: 'Open the demo CRM (Salesforce-like)',
    ma: 'Open the demo MA (Marketo-like)',
    stories: 'Featured leads',
  },
} as const;

/**
 * "Try the demo" for the options page and the panel's first-run view: opens the demo record pages in a new
 * tab. The paths are the extension's own pages, so they resolve against the extension origin these views
 * are served from.
 */
export function TryDemo({ locale, showStories = true }: { locale: 'ja' | 'en'; showStories?: boolean }) {
  const t = TEXT[locale];
  return (
    <section className="try-demo" aria-labelledby="try-demo-title" lang={locale}>
      <h2 id="try-demo-title">{t.title}</h2>
      <p>{t.intro}</p>
      <p className="try-demo-actions">
        <a className="try-demo-primary" href={demoPagePath('sfa', DEMO_DEFAULT_LEAD.sfa)} target="_blank" rel="noopener">
          {t.crm}
        </a>
        <a href={demoPagePath('ma', DEMO_DEFAULT_LEAD.ma)} target="_blank" rel="noopener">
          {t.ma}
        </a>
      </p>
      {showStories && (
        <>
          <h3>{t.stories}</h3>
          <ul className="try-demo-stories">
            {FEATURED_STORIES.filter((s) => s !== 'duplicateTwin').map((story) => {
              const lead = DEMO_FEATURED[story];
              return (
                <li key={story}>
                  <a href={demoPagePath('sfa', lead.sfa)} target="_blank" rel="noopener">
                    {lead.label[locale]}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
