import { useId, useState, type FormEvent } from 'react';
import { SALES_ACTIVITY_TYPES, STAGES, type SalesActivityType, type Stage } from '../../lib/domain/model';
import type { KintoneMapping } from '../../lib/connectors/kintone/settings';
import type { KintoneFieldChoice, useKintoneConnection } from '../../lib/queries/use-kintone-connection';
import type { MessageKey } from '../../lib/i18n/messages-ja';
import { useI18n } from '../i18n/i18n-context';
import type { ConnectionMessage } from './use-connection-action';

type Connection = ReturnType<typeof useKintoneConnection>;
type Loaded = Awaited<ReturnType<Connection['loadFields']>>;

const PERSON_FIELDS = ['name', 'company', 'email', 'phone', 'title', 'owner', 'leadSource', 'campaign', 'handoffDate', 'createdTime', 'updatedTime'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];
const ACTIVITY_FIELDS = ['linkField', 'dateField', 'typeField', 'subjectField', 'byField'] as const;
type ActivityField = (typeof ACTIVITY_FIELDS)[number];

interface Draft {
  fields: Partial<Record<PersonField, string>>;
  stageField: string;
  stageValues: Record<string, Stage>;
  handoffStage: Stage;
  activityAppId: string;
  activityGuestSpaceId: string;
  keyField: string;
  activity: Partial<Record<ActivityField, string>>;
  types: Record<string, SalesActivityType>;
}

function draftFrom(saved: KintoneMapping | null, loaded: Loaded | null): Draft {
  const g = loaded?.lead.guess;
  const a = loaded?.activity?.guess;
  const pick = (k: PersonField) => (saved ? (saved as Partial<Record<PersonField, string>>)[k] : undefined) ?? (g as Partial<Record<PersonField, string>> | undefined)?.[k];
  return {
    fields: Object.fromEntries(PERSON_FIELDS.map((k) => [k, pick(k) ?? ''])),
    stageField: saved?.stage?.field ?? g?.stage?.field ?? '',
    stageValues: { ...(g?.stage?.values ?? {}), ...(saved?.stage?.values ?? {}) },
    handoffStage: saved?.handoffStage ?? 'mql',
    activityAppId: saved?.activity?.appId ?? loaded?.activityAppId ?? '',
    activityGuestSpaceId: saved?.activity?.guestSpaceId ?? '',
    keyField: saved?.activity?.keyField ?? g?.activity?.keyField ?? a?.keyField ?? '',
    activity: Object.fromEntries(ACTIVITY_FIELDS.map((k) => [k, saved?.activity?.[k] ?? (k === 'linkField' ? (g?.activity?.linkField ?? a?.linkField) : a?.[k]) ?? ''])),
    types: { ...(a?.types ?? {}), ...(saved?.activity?.types ?? {}) },
  };
}

/** What the screen saves: blanks left out; zod (settings.ts) checks it before it is stored. */
export function mappingFromDraft(d: Draft): unknown {
  const clean = (o: Record<string, string | undefined>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v));
  return {
    ...clean(d.fields),
    ...(d.stageField ? { stage: { field: d.stageField, values: d.stageValues } } : {}),
    handoffStage: d.handoffStage,
    ...(d.activityAppId && d.keyField && d.activity.linkField && d.activity.dateField
      ? { activity: { appId: d.activityAppId, ...(d.activityGuestSpaceId ? { guestSpaceId: d.activityGuestSpaceId } : {}), keyField: d.keyField, ...clean(d.activity), types: d.types } }
      : {}),
  };
}

function FieldSelect(props: { id: string; label: string; value: string; fields: KintoneFieldChoice[]; extra?: { value: string; label: string }[]; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <label htmlFor={props.id}>
      {props.label}
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('connections.kintone.notMapped')}</option>
        {props.extra?.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        {props.fields.map((f) => (
          <option key={f.code} value={f.code}>{`${f.label} (${f.code})`}</option>
        ))}
      </select>
    </label>
  );
}

/**
 * The field-mapping screen: reads the app's form fields (and the activity app's), proposes the usual Japanese
 * names, and lets an admin map each Baton field, the stage values, the handoff date and the activity app.
 */
export function KintoneMapping(props: { connection: Connection; saved: KintoneMapping | null; busy: boolean; run: (a: () => Promise<ConnectionMessage>) => Promise<void> }) {
  const { t } = useI18n();
  const base = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);

  const load = () =>
    void props.run(async () => {
      const next = await props.connection.loadFields(draft?.activityAppId ? { appId: draft.activityAppId, ...(draft.activityGuestSpaceId ? { guestSpaceId: draft.activityGuestSpaceId } : {}) } : props.saved?.activity);
      setLoaded(next);
      setDraft(draftFrom(props.saved, next));
      return { tone: 'ok', text: t('connections.kintone.fieldsLoaded', { count: String(next.lead.fields.length) }) };
    });

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    void props.run(async () => {
      await props.connection.saveMapping(mappingFromDraft(draft));
      return { tone: 'ok', text: t('connections.kintone.mappingSaved') };
    });
  };

  const set = (change: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...change } : d));
  const leadFields = loaded?.lead.fields ?? [];
  const activityFields = loaded?.activity?.fields ?? [];
  const stageOptions = leadFields.find((f) => f.code === draft?.stageField)?.options ?? [];
  const typeOptions = activityFields.find((f) => f.code === draft?.activity.typeField)?.options ?? [];

  return (
    <section aria-labelledby={`${base}-title`} className="vendor-conn">
      <h4 id={`${base}-title`}>{t('connections.kintone.mappingTitle')}</h4>
      <p className="vendor-conn-status">{props.saved ? t('connections.kintone.mappingSavedState') : t('connections.kintone.mappingMissing')}</p>
      <p className="vendor-conn-hint">{t('connections.kintone.mappingIntro')}</p>
      <div className="vendor-conn-actions">
        <button type="button" disabled={props.busy} onClick={load}>{t('connections.kintone.loadFields')}</button>
      </div>
      {draft ? (
        <form onSubmit={save}>
          {PERSON_FIELDS.map((k) => (
            <FieldSelect
              key={k}
              id={`${base}-${k}`}
              label={t(`connections.kintone.field.${k}` as MessageKey)}
              value={draft.fields[k] ?? ''}
              fields={leadFields}
              onChange={(v) => set({ fields: { ...draft.fields, [k]: v } })}
            />
          ))}
          <label htmlFor={`${base}-handoffStage`}>
            {t('connections.kintone.handoffStage')}
            <select id={`${base}-handoffStage`} value={draft.handoffStage} onChange={(e) => set({ handoffStage: e.target.value as Stage })}>
              {STAGES.map((s) => <option key={s} value={s}>{t(`stage.${s}` as MessageKey)}</option>)}
            </select>
          </label>
          <FieldSelect id={`${base}-stage`} label={t('connections.kintone.field.stage')} value={draft.stageField} fields={leadFields} onChange={(v) => set({ stageField: v })} />
          {stageOptions.length ? (
            <fieldset>
              <legend>{t('connections.kintone.stageValues')}</legend>
              {stageOptions.map((value) => (
                <label key={value}>
                  {value}
                  <select
                    value={draft.stageValues[value] ?? ''}
                    onChange={(e) => {
                      const next = { ...draft.stageValues };
                      if (e.target.value) next[value] = e.target.value as Stage;
                      else delete next[value];
                      set({ stageValues: next });
                    }}
                  >
                    <option value="">{t('connections.kintone.notMapped')}</option>
                    {STAGES.map((s) => <option key={s} value={s}>{t(`stage.${s}` as MessageKey)}</option>)}
                  </select>
                </label>
              ))}
            </fieldset>
          ) : null}
          <fieldset>
            <legend>{t('connections.kintone.activityTitle')}</legend>
            <p className="vendor-conn-hint">{t('connections.kintone.activityIntro')}</p>
            <label htmlFor={`${base}-actApp`}>
              {t('connections.kintone.activityApp')}
              <input id={`${base}-actApp`} inputMode="numeric" value={draft.activityAppId} onChange={(e) => set({ activityAppId: e.target.value.replace(/\D/g, '') })} />
            </label>
            <FieldSelect
              id={`${base}-keyField`}
              label={t('connections.kintone.keyField')}
              value={draft.keyField}
              fields={leadFields}
              extra={[{ value: '$id', label: t('connections.kintone.recordId') }]}
              onChange={(v) => set({ keyField: v })}
            />
            {ACTIVITY_FIELDS.map((k) => (
              <FieldSelect
                key={k}
                id={`${base}-act-${k}`}
                label={t(`connections.kintone.activity.${k}` as MessageKey)}
                value={draft.activity[k] ?? ''}
                fields={activityFields}
                onChange={(v) => set({ activity: { ...draft.activity, [k]: v } })}
              />
            ))}
            {typeOptions.map((value) => (
              <label key={value}>
                {value}
                <select value={draft.types[value] ?? 'note'} onChange={(e) => set({ types: { ...draft.types, [value]: e.target.value as SalesActivityType } })}>
                  {SALES_ACTIVITY_TYPES.map((s) => <option key={s} value={s}>{t(`activity.${s}` as MessageKey)}</option>)}
                </select>
              </label>
            ))}
          </fieldset>
          <div className="vendor-conn-actions">
            <button type="submit" disabled={props.busy}>{t('connections.kintone.saveMapping')}</button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
