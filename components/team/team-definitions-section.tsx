import { effectiveFromMs } from '../../lib/domain/definitions/version-in-force';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { DataTable, type Column } from './data-table';
import { versionChanges, type TeamData } from './team-data';

/** The shared definitions behind every figure: the version in force, who approved it, and every version's start. */
export function TeamDefinitionsSection({ data }: { data: TeamData }) {
  const { t, l, dateTime } = useI18n();
  const { definitions, versions } = data;
  const changes = versionChanges(data);
  const rows = [...versions].sort((a, b) => effectiveFromMs(b) - effectiveFromMs(a));
  const columns: Column<(typeof rows)[number]>[] = [
    { header: t('teamPage.defs.version'), cell: (d) => ({ value: `v${d.version}` }) },
    { header: t('teamPage.defs.name'), cell: (d) => ({ value: l(d.name) }) },
    { header: t('teamPage.defs.effective'), cell: (d) => ({ value: d.effectiveFrom, text: dateTime(effectiveFromMs(d)) }) },
    { header: t('teamPage.defs.approvedBy'), cell: (d) => ({ value: d.approvedBy.map((a) => a.name).join(', ') }) },
  ];
  return (
    <Card title={t('teamPage.defs.title')}>
      <p className="team-summary" data-testid="definitions-summary">
        {t('teamPage.defs.summary', {
          name: l(definitions.name),
          version: definitions.version,
          date: dateTime(effectiveFromMs(definitions)),
          changes: changes.length ? changes.map((c) => `v${c.version} (${dateTime(c.at.getTime())})`).join(', ') : t('teamPage.defs.noChange'),
        })}
      </p>
      <p className="small muted">{t('teamPage.defs.marks')}</p>
      <DataTable caption={t('teamPage.defs.table')} columns={columns} rows={rows} rowKey={(d) => `${d.id}@${d.version}`} file="definitions-versions" />
      {definitions.changeLog.length ? (
        <>
          <h3>{t('teamPage.defs.changeLog')}</h3>
          <ul className="plain small">
            {definitions.changeLog.map((c) => (
              <li key={c.version}>
                v{c.version} · {c.date} · {l(c.summary)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
