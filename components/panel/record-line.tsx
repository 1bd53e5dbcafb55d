import type { RecordRef } from '../../lib/domain/model';
import type { MessageKey } from '../../lib/i18n/messages-ja';
import { useI18n } from '../i18n/i18n-context';

/**
 * Which record the panel is about, as the page gave it: system, object and id. It stays visible in every
 * state (loading, not connected, error), so nobody wonders whether Baton is looking at the right record.
 */
export function RecordLine({ recordRef }: { recordRef: RecordRef }) {
  const { t } = useI18n();
  const system =
    recordRef.system === 'demo' ? t(`system.demo.${recordRef.instance === 'ma' ? 'ma' : 'sfa'}` as MessageKey) : t(`system.${recordRef.system}` as MessageKey);
  return (
    <p className="record-line small" aria-label={t('panel.recordLine')}>
      <span>{system}</span>
      <span aria-hidden="true"> · </span>
      <span>{recordRef.object}</span>
      <span aria-hidden="true"> · </span>
      <code>{recordRef.id}</code>
    </p>
  );
}
