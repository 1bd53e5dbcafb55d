import { useState } from 'react';
import type { KeyValueStore } from '../../lib/connectors/local-store';

/** What a key-based connection card (HubSpot, Marketo) needs: where its settings live, and fakes for tests. */
export interface KeyConnectionProps {
  storage: KeyValueStore;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export type ConnectionMessage = { tone: 'ok' | 'error'; text: string };

/**
 * A connection card's save and test buttons: one action at a time (the buttons are disabled meanwhile), its
 * outcome as one message, and the card's status read again afterwards, whatever happened.
 */
export function useConnectionAction(refresh: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ConnectionMessage | null>(null);
  const run = async (action: () => Promise<ConnectionMessage>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await action());
    } catch (err) {
      setMessage({ tone: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      await refresh();
    }
  };
  return { busy, message, run };
}

/** Success is announced politely; a failure interrupts, so a screen reader hears why at once. */
export function ConnectionMessageLine({ message }: { message: ConnectionMessage | null }) {
  if (!message) return null;
  return (
    <p className={message.tone === 'ok' ? 'vendor-conn-ok' : 'vendor-conn-error'} role={message.tone === 'ok' ? 'status' : 'alert'}>
      {message.text}
    </p>
  );
}
