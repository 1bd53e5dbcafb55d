import { useEffect, useMemo, useState } from 'react';
import { diffDefinitions, type DefinitionsChange } from '../../../lib/domain/definitions/diff-definitions';
import { exportDefinitions, formatPath, parseDraft } from '../../../lib/domain/definitions/parse-definitions';
import type { Definitions } from '../../../lib/domain/definitions/schema';
import { definitionsInForce, definitionsVersionKey } from '../../../lib/domain/definitions/version-in-force';
import type { MessageKey } from '../../../lib/i18n/messages-ja';
import { useBatonDeps } from '../../../lib/queries/baton-deps';
import { useDefinitions } from '../../../lib/queries/use-definitions';
import { useTeamDefinitions } from '../../../lib/queries/team-definitions';
import { useDefinitionsDraft } from '../../../lib/queries/use-workshop';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { EditorContext, Fold, ItemList, LocalizedField, setIn, TextField, type Doc, type EditorState, type Path } from './workshop-fields';
import { BandsForm, CalendarForm, FeedbackReasonsForm, MqlForm, ScoreForm, SlaForm, SqlForm, StageMappingsForm, StagesForm } from './workshop-forms';
import { ThresholdPanel } from './threshold-panel';
import { WhatIfPanel } from './what-if-panel';

const DAY = 86_400_000;

/** A new draft from the version in force: the next version number, effective tomorrow, a change-log line to write. */
export function startDraft(inForce: Definitions, versions: Definitions[], now: number): Doc {
  const doc = structuredClone(inForce) as Definitions;
  doc.version = Math.max(inForce.version, ...versions.filter((v) => v.id === inForce.id).map((v) => v.version)) + 1;
  doc.effectiveFrom = new Date(Math.ceil(now / DAY) * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
  doc.changeLog = [...doc.changeLog, { version: doc.version, date: new Date(now).toISOString().slice(0, 10), summary: { ja: '', en: '' } }];
  return doc as unknown as Doc;
}

function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  queueMicrotask(() => URL.revokeObjectURL(url));
}

export function ChangeList({ changes }: { changes: DefinitionsChange[] }) {
  const { t, l } = useI18n();
  if (changes.length === 0) return <p className="small muted">{t('ws.noChanges')}</p>;
  return (
    <ul className="ws-changes">
      {changes.map((c, i) => (
        <li key={i}>{t(c.key as MessageKey, Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, typeof v === 'object' ? l(v) : v])))}</li>
      ))}
    </ul>
  );
}

/** Diff between any two versions this browser knows, in words. */
function VersionsDiff({ versions }: { versions: Definitions[] }) {
  const { t, l } = useI18n();
  const [a, setA] = useState(0);
  const [b, setB] = useState(versions.length - 1);
  if (versions.length < 2) return null;
  const name = (d: Definitions) => `${l(d.name)} v${d.version}`;
  return (
    <details>
      <summary>{t('ws.versionsDiff')}</summary>
      <div className="row">
        <label>
          {t('ws.from')}{' '}
          <select value={a} onChange={(e) => setA(Number(e.target.value))}>
            {versions.map((d, i) => (
              <option key={i} value={i}>
                {name(d)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ws.to')}{' '}
          <select value={b} onChange={(e) => setB(Number(e.target.value))}>
            {versions.map((d, i) => (
              <option key={i} value={i}>
                {name(d)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ChangeList changes={diffDefinitions(versions[a]!, versions[b]!)} />
    </details>
  );
}

/**
 * The definitions workshop (issue 13): the shared definitions edited in forms, checked as typed by the import's own
 * rules, with the effect of the draft on the team's history beside it and a threshold suggested from results. The
 * draft stays in this browser; publishing exports the next version as JSON and YAML for the team URL, and only the
 * team URL serving it changes what the team sees.
 */
export function WorkshopSection() {
  const { t, l, date } = useI18n();
  const deps = useBatonDeps();
  const now = Math.floor(deps.now() / 60_000) * 60_000;
  const { definitions: storedDefinitions, versions: storedVersions, loaded: storedLoaded } = useDefinitions();
  // The versions the team figures judge the snapshot by (the demo's v1 → v2 on the demo, as on the team page): the
  // what-if sets the draft against the one in force among them, and the suggestion reads outcomes by them.
  const team = useTeamDefinitions(now);
  const judging = team?.versions;
  // On the demo, while the team has no definitions of its own, the figures judge by the demo team's versions: the
  // draft starts from the one in force among them (the demo's v2), so the draft's base and the what-if's "in force"
  // are one document. Starting from the stored defaults (v1) made the draft "v2 from v1" beside "in force v2", and
  // an untouched draft showed v1 → v2 reversed as if it were an edit.
  const demo = team?.source === 'demo';
  const inForce = (demo && definitionsInForce(team.versions, now)) || storedDefinitions;
  const versions = demo ? team.versions : storedVersions;
  const loaded = storedLoaded && team !== undefined;
  const stored = useDefinitionsDraft();
  const [doc, setDoc] = useState<Doc | null>(null);
  const [published, setPublished] = useState<Definitions | null>(null);
  /** Bumped when the draft is discarded: the form is drawn afresh (list fields keep their own text while typed). */
  const [generation, setGeneration] = useState(0);

  /** The version in force the untouched draft was started from (`id@version`). */
  const [base, setBase] = useState<string | null>(null);

  useEffect(() => {
    if (stored.draft === undefined || !loaded) return;
    if (stored.draft) {
      if (doc === null) setDoc(stored.draft.document);
      return;
    }
    // Nothing typed yet: the draft is the version in force, started again when that changes (the demo's snapshot
    // synced while the page was open, definitions imported), and the form drawn afresh.
    const key = definitionsVersionKey(inForce);
    if (doc !== null && key === base) return;
    if (doc !== null) setGeneration((g) => g + 1);
    setBase(key);
    setDoc(startDraft(inForce, versions, now));
  }, [doc, base, stored.draft, loaded, inForce, versions, now]);

  // One parse per keystroke (parseDraft): the draft with the version in force's name, approval and note standing in
  // gives the judgeable part, and those four are checked on their own. The what-if judges leads, and the name,
  // approval, note and date do not change a judgement: a draft whose note is not written yet can already be tried in
  // the meeting. Publishing needs the whole document valid.
  const parsed = useMemo(() => (doc ? parseDraft(doc, inForce) : null), [doc, inForce]);
  const valid = parsed?.valid ?? null;
  const judgeable = parsed?.judgeable ?? null;
  const errors = parsed?.errors ?? [];
  // The changes in words follow the draft as it is typed: before the change note is written they come from the
  // judgeable part, so the meeting sees "MQL score threshold 60 → 80" at once, not "no changes".
  const changes = useMemo(() => {
    const draft = valid ?? judgeable;
    return draft ? diffDefinitions(inForce, draft) : [];
  }, [valid, judgeable, inForce]);

  if (!doc) {
    return (
      <Card title={t('ws.title')}>
        <p aria-busy="true">{t('app.loading')}</p>
      </Card>
    );
  }

  const editor: EditorState = {
    doc,
    set: (path: Path, value: unknown) => {
      const next = setIn(doc, path, value);
      setDoc(next);
      setPublished(null);
      void stored.save(next);
    },
    countErrors: (prefixes) => errors.filter((e) => prefixes.some((p) => e.path === p || e.path.startsWith(`${p}.`) || e.path.startsWith(`${p}[`))).length,
    errorsAt: (path: Path) => {
      const key = formatPath(path);
      return errors.filter((e) => e.path === key);
    },
  };

  const publish = () => {
    if (!valid) return;
    for (const format of ['json', 'yaml'] as const) {
      download(`${valid.id}-v${valid.version}.${format}`, exportDefinitions(valid, format), format === 'json' ? 'application/json' : 'application/yaml');
    }
    setPublished(valid);
  };

  const restart = async () => {
    await stored.discard();
    setPublished(null);
    setGeneration((g) => g + 1);
    setDoc(startDraft(inForce, versions, now));
  };

  const minScore = (doc as { qualification?: { mql?: { minScore?: unknown } } }).qualification?.mql?.minScore;

  return (
    <Card title={t('ws.title')} className="ws">
      <p className="small muted">{t('ws.hint')}</p>
      <EditorContext.Provider value={editor}>
        <div className="ws-grid">
          <form key={generation} className="ws-form" aria-label={t('ws.formLabel')} onSubmit={(e) => e.preventDefault()}>
            <Fold title={t('ws.version')} prefixes={['name', 'effectiveFrom', 'approvedBy', 'changeLog', 'id', 'version']} initiallyOpen>
              {() => (
                <>
              <p>{t('ws.draftOf', { version: String((doc as { version?: unknown }).version ?? ''), inForce: inForce.version })}</p>
              <LocalizedField path={['name']} label={t('ws.name')} />
              <TextField path={['effectiveFrom']} label={t('ws.effectiveFrom')} />
              <ItemList
                path={['approvedBy']}
                legend={t('ws.approvedBy')}
                itemName={(v, i) => String((v as { name?: unknown }).name ?? `#${i + 1}`)}
                fresh={() => ({ name: '' })}
                item={(at) => <TextField path={[...at, 'name']} label={t('ws.approverName')} />}
              />
              {Array.isArray((doc as { changeLog?: unknown }).changeLog) && (
                <ChangeNote index={((doc as { changeLog: unknown[] }).changeLog.length ?? 1) - 1} />
              )}
                </>
              )}
            </Fold>
            <Fold title={t('ws.mql')} prefixes={['qualification.mql']} initiallyOpen>
              {() => <MqlForm />}
            </Fold>
            <Fold title={t('ws.score')} prefixes={['score']}>
              {() => <ScoreForm />}
            </Fold>
            <Fold title={t('ws.bands')} prefixes={['temperature']}>
              {() => <BandsForm />}
            </Fold>
            <Fold title={t('ws.sql')} prefixes={['qualification.sql']}>
              {() => <SqlForm />}
            </Fold>
            <Fold title={t('ws.sla')} prefixes={['sla']}>
              {() => <SlaForm />}
            </Fold>
            <Fold title={t('ws.calendar')} prefixes={['calendar']}>
              {() => <CalendarForm />}
            </Fold>
            <Fold title={t('ws.stagesTitle')} prefixes={['stages']}>
              {() => <StagesForm />}
            </Fold>
            <Fold title={t('ws.stageMappings')} prefixes={['stageMappings']}>
              {() => <StageMappingsForm />}
            </Fold>
            <Fold title={t('ws.feedbackReasons')} prefixes={['feedbackReasons']}>
              {() => <FeedbackReasonsForm />}
            </Fold>
          </form>
          <aside className="ws-side">
            <WhatIfPanel draft={judgeable} versions={judging} now={now} />
            <ThresholdPanel versions={judging} now={now} current={minScore} onUse={(threshold) => editor.set(['qualification', 'mql', 'minScore'], threshold)} />
          </aside>
        </div>
      </EditorContext.Provider>

      <h3>{t('ws.changesTitle', { version: inForce.version })}</h3>
      <ChangeList changes={changes} />
      <VersionsDiff versions={valid ? [...versions, valid] : versions} />

      <div role="status" aria-live="polite">
        {errors.length > 0 && (
          <details className="error-text">
            <summary>{t('ws.problems', { count: errors.length })}</summary>
            <ul>
              {errors.map((e, i) => (
                <li key={i}>
                  <code>{e.path}</code>: {l(e.message)}
                </li>
              ))}
            </ul>
          </details>
        )}
        {published && <p className="state-sent">{t('ws.published', { version: published.version, date: date(Date.parse(published.effectiveFrom)) })}</p>}
      </div>
      <div className="row">
        <button type="button" disabled={!valid} aria-describedby="ws-publish-hint" onClick={publish}>
          {t('ws.publish')}
        </button>
        <button type="button" onClick={() => void restart()}>
          {t('ws.discard')}
        </button>
      </div>
      <p id="ws-publish-hint" className="small muted">
        {t('ws.publishHint')}
      </p>
    </Card>
  );
}

function ChangeNote({ index }: { index: number }) {
  const { t } = useI18n();
  return (
    <>
      <TextField path={['changeLog', index, 'date']} label={t('ws.approvedOn')} />
      <LocalizedField path={['changeLog', index, 'summary']} label={t('ws.changeNote')} />
    </>
  );
}
