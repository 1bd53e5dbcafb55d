import { ExternalLink } from 'lucide-react';
import type { FigurePath, TeamRange } from '../../lib/domain/team-kpis';
import { useTeamRoster } from '../../lib/queries/use-team-kpis';
import { useI18n } from '../i18n/i18n-context';
import { Icon } from '../ui/icon';
import { SafeLink } from '../ui/safe-link';
import { useTeamQuery } from './team-query-context';

/**
 * The people behind a figure: name (and company), owner, stage, and a link to each of their records in its vendor
 * (the links the connectors mapped, shown through SafeLink as the panel's header does; the side panel follows the
 * tab there).
 */
export function PeopleList({ path, range, limit = 500 }: { path: FigurePath; range?: TeamRange; limit?: number }) {
  const { t, number } = useI18n();
  const { client, request, settled } = useTeamQuery();
  const roster = useTeamRoster(settled ? client : null, request, { path, range: range ?? request.range }, limit);
  if (roster.isError) {
    return (
      <p role="alert" className="small error">
        {t('teamPage.drill.failed')}
      </p>
    );
  }
  if (!roster.data) return <p className="small muted">{t('app.loading')}</p>;
  const { total, people } = roster.data;
  return (
    <div className="team-people">
      <p className="small" role="status">
        {total > people.length ? t('teamPage.drill.countOf', { shown: number(people.length), total: number(total) }) : t('teamPage.drill.count', { n: number(total) })}
      </p>
      <div className="team-table-scroll">
        <table className="simple">
          <thead>
            <tr>
              <th scope="col">{t('teamPage.person')}</th>
              <th scope="col">{t('header.owner')}</th>
              <th scope="col">{t('header.stage')}</th>
              <th scope="col">{t('teamPage.records')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.key}>
                <th scope="row">
                  {p.name}
                  {p.company ? <span className="small muted"> · {p.company}</span> : null}
                </th>
                <td>{p.owner ?? t('header.noOwner')}</td>
                <td>{p.stage ? t(`stage.${p.stage}`) : t('stage.unknown')}</td>
                <td>
                  {p.links
                    .filter((l) => l.url)
                    .map((l) => {
                      const system = l.system === 'demo' && (l.instance === 'sfa' || l.instance === 'ma') ? t(`system.demo.${l.instance}`) : t(`system.${l.system}`);
                      return (
                        <span key={`${l.system}|${l.instance}|${l.url}`} className="team-record-link">
                          <SafeLink url={l.url} label={t('teamPage.openPersonIn', { name: p.name, system })}>
                            {system} <Icon icon={ExternalLink} />
                          </SafeLink>{' '}
                        </span>
                      );
                    })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
