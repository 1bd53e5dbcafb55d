import { useId, useState } from 'react';
import { useSaveSettings, useSettings } from '../../lib/queries/use-settings';
import type { Settings } from '../../lib/store/settings';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { Check } from 'lucide-react';
import { Icon } from '../ui/icon';

const LIMITS = { freshnessMinutes: { min: 1, max: 1440 }, cacheBudgetMb: { min: 5, max: 10_000 } } as const;

/** Language, default view and cache settings; each change is saved at once and shown everywhere live. */
export function GeneralSection() {
  const { t } = useI18n();
  const settings = useSettings();
  const save = useSaveSettings();
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<keyof typeof LIMITS, string>>>({});
  const ids = { language: useId(), role: useId(), freshness: useId(), budget: useId() };

  const apply = async (patch: Partial<Settings>) => {
    setSaved(false);
    await save(patch);
    setSaved(true);
  };
  const applyNumber = (field: keyof typeof LIMITS, raw: string) => {
    const n = Number(raw);
    const { min, max } = LIMITS[field];
    if (!Number.isInteger(n) || n < min || n > max) {
      setErrors((e) => ({ ...e, [field]: t('opt.invalidNumber', { min, max }) }));
      return;
    }
    setErrors((e) => ({ ...e, [field]: undefined }));
    void apply({ [field]: n });
  };

  return (
    <Card title={t('opt.general')}>
      <div className="field">
        <label htmlFor={ids.language}>{t('opt.language')}</label>
        <select id={ids.language} value={settings.language} onChange={(e) => void apply({ language: e.target.value as Settings['language'] })}>
          <option value="auto">{t('opt.language.auto')}</option>
          <option value="ja">{t('opt.language.ja')}</option>
          <option value="en">{t('opt.language.en')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.role}>{t('opt.role')}</label>
        <select id={ids.role} value={settings.defaultRole} onChange={(e) => void apply({ defaultRole: e.target.value as Settings['defaultRole'] })}>
          <option value="auto">{t('opt.role.auto')}</option>
          <option value="sales">{t('opt.role.sales')}</option>
          <option value="marketing">{t('opt.role.marketing')}</option>
        </select>
      </div>
      <NumberField
        id={ids.freshness}
        label={t('opt.freshness')}
        hint={t('opt.freshnessHint')}
        value={settings.freshnessMinutes}
        limits={LIMITS.freshnessMinutes}
        error={errors.freshnessMinutes}
        onCommit={(raw) => applyNumber('freshnessMinutes', raw)}
      />
      <NumberField
        id={ids.budget}
        label={t('opt.cacheBudget')}
        value={settings.cacheBudgetMb}
        limits={LIMITS.cacheBudgetMb}
        error={errors.cacheBudgetMb}
        onCommit={(raw) => applyNumber('cacheBudgetMb', raw)}
      />
      <p role="status" className="small state-sent">
        {saved && (
          <>
            <Icon icon={Check} /> {t('opt.saved')}
          </>
        )}
      </p>
    </Card>
  );
}

/** Committed on blur or Enter, so typing "15" does not save "1" first. */
function NumberField({
  id,
  label,
  hint,
  value,
  limits,
  error,
  onCommit,
}: {
  id: string;
  label: string;
  hint?: string;
  value: number;
  limits: { min: number; max: number };
  error: string | undefined;
  onCommit: (raw: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null) onCommit(draft);
    setDraft(null);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={limits.min}
        max={limits.max}
        step={1}
        value={draft ?? String(value)}
        aria-invalid={error !== undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <span id={`${id}-hint`} className="small muted">
        {error ? <span className="error-text">{error}</span> : hint}
      </span>
    </div>
  );
}
