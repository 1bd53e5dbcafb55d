import { OpenPanelButton } from './open-panel-button';

/**
 * Says plainly that this is Baton's demo, not a real CRM or MA, and how to see Baton on it.
 * Chrome opens the side panel from the toolbar icon; there is no page-side trigger.
 */
export function DemoBanner({ product }: { product: string }) {
  return (
    <aside className="demo-banner" aria-label="Baton demo workspace">
      <p lang="ja">
        これは Baton のデモ用ワークスペース（{product}）です。データはすべて架空です。ツールバーの Baton
        アイコンをクリックすると、サイドパネルにこのリードの温度・SLA・定義との照合が表示されます。
      </p>
      <p lang="en">
        This is Baton&apos;s demo workspace ({product}); all data is fictional. Click the Baton icon in the
        toolbar to open the side panel for the lead on screen.
      </p>
      <OpenPanelButton />
    </aside>
  );
}
