import { BANDS, WEEKDAYS } from '../../../lib/domain/definitions/schema';
import { ENGAGEMENT_TYPES, SALES_ACTIVITY_TYPES, STAGES, SYSTEMS } from '../../../lib/domain/model';
import { useI18n } from '../../i18n/i18n-context';
import {
  CheckField,
  ChoiceList,
  FieldErrors,
  getIn,
  ItemList,
  labelOf,
  ListField,
  LocalizedField,
  NumberField,
  SelectField,
  TextField,
  useEditor,
  type Path,
} from './workshop-fields';

/** The sections of the workshop form, in the order a meeting goes through them (see docs/architecture.md). */

const OPS = ['in', 'contains', 'email_domain', 'range', 'present'] as const;
const emptyLabel = () => ({ ja: '', en: '' });

function useChoices() {
  const { t } = useI18n();
  return {
    bands: BANDS.map((b) => ({ value: b, label: t(`band.${b}`) })),
    stages: STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) })),
    touchTypes: SALES_ACTIVITY_TYPES.map((a) => ({ value: a, label: a })),
    engagementTypes: ENGAGEMENT_TYPES.map((e) => ({ value: e, label: e })),
    systems: SYSTEMS.map((s) => ({ value: s, label: t(`system.${s}`) })),
  };
}

/** One attribute condition; changing the operator reshapes it (values or min/max). */
function ConditionFields({ path }: { path: Path }) {
  const { t } = useI18n();
  const { doc, set } = useEditor();
  const op = String(getIn(doc, [...path, 'op']) ?? 'in');
  const attribute = getIn(doc, [...path, 'attribute']);
  return (
    <div className="row">
      <TextField path={[...path, 'attribute']} label={t('ws.attribute')} />
      <div className="field">
        <label>
          {t('ws.op')}
          <select
            value={op}
            onChange={(e) => {
              const next = e.target.value;
              const base = { attribute, op: next };
              set(path, next === 'range' ? { ...base, min: 0 } : next === 'present' ? base : { ...base, values: [] });
            }}
          >
            {OPS.map((o) => (
              <option key={o} value={o}>
                {t(`ws.op.${o}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {op === 'range' ? (
        <>
          <NumberField path={[...path, 'min']} label={t('ws.min')} optional />
          <NumberField path={[...path, 'max']} label={t('ws.max')} optional />
        </>
      ) : op === 'present' ? null : (
        <ListField key={op} path={[...path, 'values']} label={t('ws.values')} />
      )}
      <FieldErrors path={path} />
    </div>
  );
}

export function MqlForm() {
  const { t } = useI18n();
  const { doc } = useEditor();
  const grades = getIn(doc, ['score', 'fit', 'grades']);
  const gradeOptions = (Array.isArray(grades) ? grades : []).map((g) => String((g as { grade?: unknown }).grade ?? '')).map((g) => ({ value: g, label: g }));
  return (
    <>
      <NumberField path={['qualification', 'mql', 'minScore']} label={t('ws.minScore')} />
      <SelectField path={['qualification', 'mql', 'minFitGrade']} label={t('ws.minFitGrade')} options={gradeOptions} />
      <ListField path={['qualification', 'mql', 'requiredFields']} label={t('ws.requiredFields')} />
      <CheckField path={['qualification', 'mql', 'rejectExclusions']} label={t('ws.rejectExclusions')} />
    </>
  );
}

export function ScoreForm() {
  const { t, l } = useI18n();
  const { engagementTypes } = useChoices();
  return (
    <>
      <ItemList
        path={['score', 'fit', 'rules']}
        legend={t('ws.fitRules')}
        itemName={(v, i) => labelOf(v, l, `#${i + 1}`)}
        fresh={() => ({ id: 'new-rule', label: emptyLabel(), when: { attribute: 'industry', op: 'in', values: [] }, points: 0 })}
        item={(at) => (
          <>
            <div className="row">
              <TextField path={[...at, 'id']} label={t('ws.id')} />
              <NumberField path={[...at, 'points']} label={t('ws.points')} />
              <TextField path={[...at, 'group']} label={t('ws.group')} optional />
            </div>
            <LocalizedField path={[...at, 'label']} label={t('ws.label')} />
            <ConditionFields path={[...at, 'when']} />
          </>
        )}
      />
      <ItemList
        path={['score', 'fit', 'exclusions']}
        legend={t('ws.exclusions')}
        itemName={(v, i) => labelOf(v, l, `#${i + 1}`)}
        fresh={() => ({ id: 'new-exclusion', label: emptyLabel(), when: { attribute: 'email', op: 'email_domain', values: [] }, points: -100 })}
        item={(at) => (
          <>
            <div className="row">
              <TextField path={[...at, 'id']} label={t('ws.id')} />
              <NumberField path={[...at, 'points']} label={t('ws.points')} />
            </div>
            <LocalizedField path={[...at, 'label']} label={t('ws.label')} />
            <ConditionFields path={[...at, 'when']} />
          </>
        )}
      />
      <ItemList
        path={['score', 'fit', 'grades']}
        legend={t('ws.grades')}
        itemName={(v, i) => String((v as { grade?: unknown }).grade ?? `#${i + 1}`)}
        fresh={() => ({ grade: 'D', min: null })}
        item={(at) => (
          <div className="row">
            <TextField path={[...at, 'grade']} label={t('ws.grade')} />
            <NumberField path={[...at, 'min']} label={t('ws.gradeMin')} optional />
          </div>
        )}
      />
      <ItemList
        path={['score', 'engagement', 'rules']}
        legend={t('ws.engagementRules')}
        itemName={(v, i) => labelOf(v, l, `#${i + 1}`)}
        fresh={() => ({ id: 'new-engagement', label: emptyLabel(), type: 'page_view', points: 1 })}
        item={(at) => (
          <>
            <div className="row">
              <TextField path={[...at, 'id']} label={t('ws.id')} />
              <SelectField path={[...at, 'type']} label={t('ws.eventType')} options={engagementTypes} />
              <NumberField path={[...at, 'points']} label={t('ws.points')} />
            </div>
            <LocalizedField path={[...at, 'label']} label={t('ws.label')} />
            <ListField path={[...at, 'urlContains']} label={t('ws.urlContains')} optional />
          </>
        )}
      />
      <NumberField path={['score', 'engagement', 'halfLifeDays']} label={t('ws.halfLifeDays')} />
      <fieldset className="field">
        <legend>{t('ws.dailyCaps')}</legend>
        <div className="row">
          {ENGAGEMENT_TYPES.map((type) => (
            <NumberField key={type} path={['score', 'engagement', 'dailyCaps', type]} label={type} optional />
          ))}
        </div>
      </fieldset>
    </>
  );
}

export function BandsForm() {
  const { t } = useI18n();
  return (
    <>
      <FieldErrors path={['temperature', 'bands']} />
      <div className="row">
        <NumberField path={['temperature', 'bands', 'hot']} label={t('band.hot')} />
        <NumberField path={['temperature', 'bands', 'warm']} label={t('band.warm')} />
        <NumberField path={['temperature', 'bands', 'cool']} label={t('band.cool')} />
      </div>
      <div className="row">
        <NumberField path={['temperature', 'spike', 'windowHours']} label={t('ws.spikeWindow')} />
        <NumberField path={['temperature', 'spike', 'minPoints']} label={t('ws.spikePoints')} />
      </div>
    </>
  );
}

export function SqlForm() {
  const { t, l } = useI18n();
  return (
    <>
      <ItemList
        path={['qualification', 'sql', 'checklist']}
        legend={t('ws.checklist')}
        itemName={(v, i) => labelOf(v, l, `#${i + 1}`)}
        fresh={() => ({ id: 'new-item', label: emptyLabel() })}
        item={(at) => (
          <>
            <TextField path={[...at, 'id']} label={t('ws.id')} />
            <LocalizedField path={[...at, 'label']} label={t('ws.label')} />
          </>
        )}
      />
    </>
  );
}

export function SlaForm() {
  const { t, l } = useI18n();
  const { bands, stages, touchTypes } = useChoices();
  return (
    <>
      <ChoiceList path={['sla', 'handoffStages']} legend={t('ws.handoffStages')} choices={stages} />
      <NumberField path={['sla', 'warnAtFraction']} label={t('ws.warnAtFraction')} />
      <ChoiceList path={['sla', 'touchTypes']} legend={t('ws.touchTypes')} choices={touchTypes} />
      <ItemList
        path={['sla', 'policies']}
        legend={t('ws.policies')}
        itemName={(v, i) => labelOf(v, l, `#${i + 1}`)}
        fresh={() => ({ id: 'new-policy', label: emptyLabel(), bands: ['cold'], budgetMinutes: 960 })}
        item={(at) => (
          <>
            <div className="row">
              <TextField path={[...at, 'id']} label={t('ws.id')} />
              <NumberField path={[...at, 'budgetMinutes']} label={t('ws.budgetMinutes')} />
            </div>
            <ChoiceList path={[...at, 'bands']} legend={t('ws.policyBands')} choices={bands} />
            <SegmentFields path={[...at, 'when']} />
            <LocalizedField path={[...at, 'label']} label={t('ws.label')} />
          </>
        )}
      />
    </>
  );
}

/** A policy's optional segment (`when`): off, the policy covers its bands for everyone; on, only where the condition holds. */
function SegmentFields({ path }: { path: Path }) {
  const { t } = useI18n();
  const { doc, set } = useEditor();
  const on = getIn(doc, path) !== undefined;
  return (
    <fieldset className="field">
      <legend>{t('ws.segment')}</legend>
      <label>
        <input type="checkbox" checked={on} onChange={(e) => set(path, e.target.checked ? { attribute: 'industry', op: 'in', values: [] } : undefined)} />{' '}
        {t('ws.segmentOn')}
      </label>
      {on && <ConditionFields path={path} />}
    </fieldset>
  );
}

export function CalendarForm() {
  const { t, l } = useI18n();
  const { doc, set } = useEditor();
  return (
    <>
      <TextField path={['calendar', 'timeZone']} label={t('ws.timeZone')} />
      <FieldErrors path={['calendar', 'weeklyHours']} />
      {WEEKDAYS.map((day) => (
        <ItemList
          key={day}
          path={['calendar', 'weeklyHours', day]}
          legend={t(`ws.day.${day}`)}
          itemName={(v) => `${String((v as { start?: unknown }).start ?? '')}–${String((v as { end?: unknown }).end ?? '')}`}
          fresh={() => ({ start: '09:00', end: '18:00' })}
          item={(at) => (
            <div className="row">
              <TextField path={[...at, 'start']} label={t('ws.start')} />
              <TextField path={[...at, 'end']} label={t('ws.end')} />
            </div>
          )}
        />
      ))}
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={getIn(doc, ['calendar', 'nationalHolidays']) === 'jp'}
            onChange={(e) => set(['calendar', 'nationalHolidays'], e.target.checked ? 'jp' : 'none')}
          />{' '}
          {t('ws.nationalHolidays')}
        </label>
      </div>
      <ItemList
        path={['calendar', 'closedDays']}
        legend={t('ws.closedDays')}
        itemName={(v, i) => labelOf(v, l, `#${i + 1}`)}
        fresh={() => ({ from: '08-13', to: '08-16', label: emptyLabel() })}
        item={(at) => (
          <>
            <div className="row">
              <TextField path={[...at, 'from']} label={t('ws.from')} />
              <TextField path={[...at, 'to']} label={t('ws.to')} />
            </div>
            <LocalizedField path={[...at, 'label']} label={t('ws.label')} />
          </>
        )}
      />
      <ItemList
        path={['calendar', 'extraWorkingDays']}
        legend={t('ws.extraWorkingDays')}
        itemName={(v, i) => labelOf(v, l, `#${i + 1}`)}
        fresh={() => ({ date: '', label: emptyLabel() })}
        item={(at) => (
          <>
            <TextField path={[...at, 'date']} label={t('ws.date')} />
            <LocalizedField path={[...at, 'label']} label={t('ws.label')} />
            <ExtraDayHours path={[...at, 'hours']} />
          </>
        )}
      />
    </>
  );
}

/** An extra working day's own hours; without them the day keeps Monday's hours (calendarSchema). */
function ExtraDayHours({ path }: { path: Path }) {
  const { t } = useI18n();
  const { doc, set } = useEditor();
  const own = getIn(doc, path) !== undefined;
  return (
    <div className="field">
      <label>
        <input type="checkbox" checked={own} onChange={(e) => set(path, e.target.checked ? [{ start: '09:00', end: '18:00' }] : undefined)} />{' '}
        {t('ws.ownHours')}
      </label>
      {own && (
        <ItemList
          path={path}
          legend={t('ws.hours')}
          itemName={(v) => `${String((v as { start?: unknown }).start ?? '')}–${String((v as { end?: unknown }).end ?? '')}`}
          fresh={() => ({ start: '13:00', end: '17:00' })}
          item={(at) => (
            <div className="row">
              <TextField path={[...at, 'start']} label={t('ws.start')} />
              <TextField path={[...at, 'end']} label={t('ws.end')} />
            </div>
          )}
        />
      )}
    </div>
  );
}

/** The stages' names and descriptions, ja and en, as the panel and the team page show them (the ids are fixed). */
export function StagesForm() {
  const { t } = useI18n();
  const { doc } = useEditor();
  const stages = getIn(doc, ['stages']);
  return (
    <>
      <FieldErrors path={['stages']} />
      {(Array.isArray(stages) ? stages : []).map((stage, i) => {
        const id = String((stage as { id?: unknown }).id ?? '');
        return (
          <fieldset key={i} className="ws-item">
            <legend>{(STAGES as readonly string[]).includes(id) ? t(`stage.${id as (typeof STAGES)[number]}`) : id}</legend>
            <LocalizedField path={['stages', i, 'label']} label={t('ws.stageLabel', { stage: id })} />
            <LocalizedField path={['stages', i, 'description']} label={t('ws.stageDescription', { stage: id })} />
          </fieldset>
        );
      })}
    </>
  );
}

/** Vendor value → stage, per system and field. */
function MappingValues({ path }: { path: Path }) {
  const { t } = useI18n();
  const { doc, set } = useEditor();
  const { stages } = useChoices();
  const values = (getIn(doc, path) ?? {}) as Record<string, string>;
  const entries = Object.entries(values);
  const rename = (from: string, to: string) => set(path, Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v])));
  return (
    <fieldset className="field">
      <legend>{t('ws.mappingValues')}</legend>
      <FieldErrors path={path} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('ws.vendorValue')}</th>
            <th scope="col">{t('ws.stage')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {entries.map(([vendorValue, stage], i) => (
            <tr key={i}>
              <td>
                <input aria-label={t('ws.vendorValue')} defaultValue={vendorValue} onBlur={(e) => e.target.value !== vendorValue && rename(vendorValue, e.target.value)} />
              </td>
              <td>
                <select aria-label={t('ws.stageFor', { value: vendorValue })} value={stage} onChange={(e) => set([...path, vendorValue], e.target.value)}>
                  {stages.map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.label}
                    </option>
                  ))}
                </select>
                <FieldErrors path={[...path, vendorValue]} />
              </td>
              <td>
                <button type="button" onClick={() => set(path, Object.fromEntries(entries.filter(([k]) => k !== vendorValue)))}>
                  {t('ws.remove', { item: vendorValue })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => set([...path, t('ws.newValue')], 'inquiry')}>
        {t('ws.add', { what: t('ws.vendorValue') })}
      </button>
    </fieldset>
  );
}

export function StageMappingsForm() {
  const { t } = useI18n();
  const { systems } = useChoices();
  return (
    <>
      <ItemList
        path={['stageMappings']}
        legend={t('ws.mapping')}
        itemName={(v) => `${String((v as { system?: unknown }).system ?? '')} ${String((v as { field?: unknown }).field ?? '')}`}
        fresh={() => ({ system: 'salesforce', field: 'Status', values: {} })}
        item={(at) => (
          <>
            <div className="row">
              <SelectField path={[...at, 'system']} label={t('ws.system')} options={systems} />
              <TextField path={[...at, 'field']} label={t('ws.vendorField')} />
            </div>
            <MappingValues path={[...at, 'values']} />
          </>
        )}
      />
    </>
  );
}

export function FeedbackReasonsForm() {
  const { t, l } = useI18n();
  return (
    <>
      <ItemList
        path={['feedbackReasons']}
        legend={t('ws.reason')}
        itemName={(v, i) => labelOf(v, l, `#${i + 1}`)}
        fresh={() => ({ code: 'NEW_REASON', verdict: 'bad', label: emptyLabel() })}
        item={(at) => (
          <>
            <div className="row">
              <TextField path={[...at, 'code']} label={t('ws.code')} />
              <SelectField
                path={[...at, 'verdict']}
                label={t('ws.verdict')}
                options={[
                  { value: 'good', label: t('ws.verdict.good') },
                  { value: 'bad', label: t('ws.verdict.bad') },
                ]}
              />
            </div>
            <LocalizedField path={[...at, 'label']} label={t('ws.label')} />
          </>
        )}
      />
    </>
  );
}
