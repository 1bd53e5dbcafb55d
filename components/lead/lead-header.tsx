import type { ReactNode } from 'react';
import type { Person } from '../../lib/domain/model';
import { useI18n } from '../i18n/i18n-context';
import { SafeLink } from '../ui/safe-link';
import { ExternalLink } from 'lucide-react';
import { Icon } from '../ui/icon';

/** Who this is, who owns it, where it stands, and the same person in every connected system. */
export function LeadHeader({ person, asOf }: { person: Person; asOf?: ReactNode }) {
  const { t } = useI18n();
  const linked = person.links.filter((link) => link.url);
  return (
    <header className="card lead-header">
      <h1>{person.name}</h1>
      {(person.company || person.title) && (
        <p>
          {person.company && <span aria-label={t('header.company')}>{person.company}</span>}
          {person.company && person.title && ' · '}
          {person.title && <span aria-label={t('header.title')}>{person.title}</span>}
        </p>
      )}
      <dl className="facts small">
        <dt>{t('header.owner')}</dt>
        <dd>{person.owner ?? t('header.noOwner')}</dd>
        <dt>{t('header.stage')}</dt>
        <dd>
          {person.stage ? t(`stage.${person.stage}`) : t('stage.unknown')}
          {person.vendorStage && person.vendorStage.toLowerCase() !== (person.stage ? t(`stage.${person.stage}`) : '').toLowerCase() && (
            <span className="muted"> ({person.vendorStage})</span>
          )}
        </dd>
      </dl>
      {linked.length > 0 && (
        <nav aria-label={t('header.links')} className="row small">
          {linked.map((link) => {
            // Two demo pages stand for two systems; name them apart.
            const system =
              link.ref.system === 'demo' && (link.ref.instance === 'sfa' || link.ref.instance === 'ma')
                ? t(`system.demo.${link.ref.instance}`)
                : t(`system.${link.ref.system}`);
            return (
              <SafeLink key={`${link.ref.system}|${link.ref.instance}|${link.ref.id}`} url={link.url}>
                {t('header.openIn', { system })} <Icon icon={ExternalLink} />
              </SafeLink>
            );
          })}
        </nav>
      )}
      {asOf}
    </header>
  );
}
