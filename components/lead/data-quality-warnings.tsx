import type { DataQualityWarning } from '../../lib/domain/model';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { TriangleAlert } from 'lucide-react';
import { Icon } from '../ui/icon';

/** Shown only when there is something to fix: missing required fields, possible duplicates, unmapped stages. */
export function DataQualityWarnings({ warnings }: { warnings: readonly DataQualityWarning[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <Card title={t('warn.heading')}>
      <ul className="plain stack">
        {warnings.map((w, i) => (
          <li className="warning" key={`${w.code}-${i}`}>
            <Icon icon={TriangleAlert} /> {t(`warn.${w.code}`)}
            {w.detail && <>: {w.detail}</>}
          </li>
        ))}
      </ul>
    </Card>
  );
}
