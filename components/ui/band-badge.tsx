import type { Band } from '../../lib/domain/definitions/schema';
import { useI18n } from '../i18n/i18n-context';
import { Droplet, Flame, Snowflake, Sun } from 'lucide-react';
import { Icon, type LucideIcon } from './icon';

/** Colour is never the only signal: every band has its own icon and word beside the colour. */
export const BAND_ICONS: Record<Band, LucideIcon> = { hot: Flame, warm: Sun, cool: Droplet, cold: Snowflake };

export function BandBadge({ band }: { band: Band }) {
  const { t } = useI18n();
  return (
    <span className={`band band-${band}`} data-band={band}>
      <Icon icon={BAND_ICONS[band]} /> {t(`band.${band}`)}
    </span>
  );
}
