import { useId, useState } from 'react';
import type { SystemId } from '../../lib/domain/model';
import { useDisconnect } from '../../lib/queries/use-disconnect';
import type { MessageKey } from '../../lib/i18n/messages-ja';
import { useI18n } from '../i18n/i18n-context';

/**
 * Disconnect (HubSpot, Marketo) or Sign out (Salesforce): `forget` deletes the credentials, then what Baton cached
 * from the system goes too. When feedback clicks are still waiting to be delivered, it asks first, in plain
 * words, whether to keep them (sent after connecting again) or discard them. `onDone` gets what `forget` returned.
 */
export function DisconnectControl<T>(props: {
  system: SystemId;
  vendor: string;
  forget: () => Promise<T>;
  onDone: (text: string, forgotten: T) => void;
  label?: MessageKey;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const questionId = useId();
  const { undelivered, disconnect } = useDisconnect(props.system, props.forget);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (discardUndelivered: boolean) => {
    setBusy(true);
    try {
      const forgotten = (await disconnect({ discardUndelivered })) as T;
      setAsking(false);
      props.onDone(t('connections.disconnect.done', { vendor: props.vendor }), forgotten);
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
    <button type="button" disabled={busy || props.disabled || undelivered === undefined} onClick={() => (undelivered! > 0 ? setAsking(true) : void run(false))}>
      {t(props.label ?? 'connections.disconnect')}
    </button>
  );
}
