import type { DefinitionsRecord } from '../../lib/store/definitions-repo';
import { useI18n } from '../i18n/i18n-context';

/**
 * Where the definitions in force came from (defaults, team URL, IT-managed, file) and when they were fetched,
 * with the reason the last update failed, if it did. One line for the options page and the panel alike.
 */
export function DefinitionsSourceLine({ record }: { record: DefinitionsRecord | undefined }) {
  const { t, dateTime } = useI18n();
  const source = record?.source ?? 'default';
  // A defaults record carries the URL that failed as `sourceUrl`; that URL is not where the definitions came from.
  const from = source !== 'default' ? record?.sourceUrl : undefined;
  return (
    <>
      <p className="small">
        {t('opt.defSource', { source: t(`opt.defSource.${source}`) })}
        {from && <> · {from}</>}
        {record && <> · {t('opt.defFetchedAt', { time: dateTime(record.fetchedAt) })}</>}
      </p>
      {record?.lastError && <p className="warning small">{t('opt.defLastError', { error: record.lastError })}</p>}
    </>
  );
}
