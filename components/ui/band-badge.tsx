import type { Band } from '../../lib/domain/definitions/schema';
import { useI18n } from '../i18n/i18n-provider';

/** Colour is never the only signal: every band has its own icon and word beside the colour. */
export const BAND_ICONS: Record<Band, string> = { hot: '🔥', warm: '☀️', cool: '💧', cold: '❄️' };

export function BandBadge({ band }: { band: Band }) {
  const { t } = useI18n();
  return (
    <span className={`band band-${band}`} data-band={band}>
      <span aria-hidden="true">{BAND_ICONS[band]}</span> {t(`band.${band}`)}
    </span>
  );
}
