import { useId, useState } from 'react';
import type { KeyValueStore } from '../../lib/connectors/local-store';
import { useDisconnect, type DisconnectableSystem } from '../../lib/queries/use-disconnect';
import { useI18n } from '../i18n/i18n-provider';

/**
 * Disconnect for a key-based connection card (HubSpot, Marketo): deletes the credentials and what Baton cached
 * from the system. When feedback clicks are still waiting to be delivered, it asks first, in plain words,
 * whether to keep them (sent after connecting again) or discard them.
 */
export function DisconnectControl(props: { system: DisconnectableSystem; vendor: string; storage: KeyValueStore; onDone: (text: string) => void }) {
  const { t } = useI18n();
  const questionId = useId();
  const { undelivered, disconnect } = useDisconnect(props.system, props.storage);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (discardUndelivered: boolean) => {
    setBusy(true);
    try {
      await disconnect({ discardUndelivered });
      setAsking(false);
      props.onDone(t('connections.disconnect.done', { vendor: props.vendor }));
    } finally {
      setBusy(false);
    }
  };

  if (asking) {
    return (
      <div role="group" aria-labelledby={questionId} className="vendor-conn-question">
        <p id={questionId}>{t('connections.disconnect.question', { vendor: props.vendor, count: String(undelivered ?? 0) })}</p>
        <div className="vendor-conn-actions">
          <button type="button" disabled={busy} onClick={() => void run(false)}>{t('connections.disconnect.keep')}</button>
          <button type="button" disabled={busy} onClick={() => void run(true)}>{t('connections.disconnect.discard')}</button>
          <button type="button" disabled={busy} onClick={() => setAsking(false)}>{t('connections.disconnect.cancel')}</button>
        </div>
      </div>
    );
  }
  return (
    <button type="button" disabled={busy || undelivered === undefined} onClick={() => (undelivered! > 0 ? setAsking(true) : void run(false))}>
      {t('connections.disconnect')}
    </button>
  );
}
