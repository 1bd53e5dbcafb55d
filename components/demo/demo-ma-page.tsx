import { useEffect, useState } from 'react';
import type { DemoLead } from '../../lib/connectors/demo/dataset';
import { demoPagePath } from '../../lib/connectors/demo/demo-ids';
import { DEMO_DEFAULT_LEAD } from '../../lib/connectors/demo/featured';
import { MARKETO_ACTIVITY_TYPE_ID } from '../../lib/connectors/demo/vendor-values';
import { DemoBanner } from './demo-banner';
import { formatCount, formatDateTime } from './demo-format';
import { DemoLeadList } from './demo-lead-list';
import { DemoNotFound } from './demo-not-found';
import { useDemoWorkspace } from './use-demo-workspace';
import { useLeadHash } from './use-lead-hash';
import './demo-page.css';
import './demo-ma-page.css';
import { ArrowRight, Star } from 'lucide-react';
import { Icon } from '../ui/icon';

/** Marketo's activity log pages through long histories; the demo shows the newest first, then all on request. */
const FIRST_PAGE = 100;

function Info({ label, value, lang }: { label: string; value: string | number | null | undefined; lang?: string }) {
  return (
    <div className="mkto-info">
      <dt>{label}</dt>
      <dd lang={lang}>{value === null || value === undefined || value === '' ? '—' : value}</dd>
    </div>
  );
}

function ActivityLog({ lead }: { lead: DemoLead }) {
  const [all, setAll] = useState(false);
  const lang = lead.identity.locale;
  const newestFirst = [...lead.events].reverse();
  const rows = all ? newestFirst : newestFirst.slice(0, FIRST_PAGE);
  return (
    <section className="demo-card" aria-labelledby="mkto-activity">
      <h2 id="mkto-activity">Activity Log ({newestFirst.length})</h2>
      <table className="demo-table mkto-log">
        <thead>
          <tr>
            <th scope="col">ID</th>
            <th scope="col">Date/Time</th>
            <th scope="col">Activity Type</th>
            <th scope="col">Detail</th>
            <th scope="col">Campaign</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} className={e.interesting ? 'is-interesting' : undefined}>
              <td>{e.sourceId}</td>
              <td>{formatDateTime(e.occurredAt)}</td>
              <td title={e.vendorType ? `Activity type ${MARKETO_ACTIVITY_TYPE_ID[e.vendorType] ?? '—'}` : undefined}>
                {e.vendorType ?? e.type}
                {e.interesting ? <span className="mkto-im">
                    {' '}
                    <Icon icon={Star} /> Interesting Moment
                  </span> : null}
              </td>
              <td lang={lang}>
                {e.asset ?? '—'}
                {e.url ? <span className="mkto-url">{e.url}</span> : null}
              </td>
              <td lang={lang}>{e.campaign ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!all && newestFirst.length > FIRST_PAGE && (
        <button type="button" className="mkto-more" onClick={() => setAll(true)}>
          Show all {newestFirst.length} activities
        </button>
      )}
    </section>
  );
}

function LeadDetail({ lead }: { lead: DemoLead }) {
  const { person, identity } = lead;
  const lang = identity.locale;
  return (
    <article className="mkto-lead" aria-labelledby="mkto-lead-name">
      <header className="demo-card mkto-lead-header">
        <p className="mkto-object">Lead Detail · ID {lead.maId}</p>
        <h1 id="mkto-lead-name" lang={lang}>
          {person.name}
        </h1>
        <p lang={lang}>{[person.title, person.company].filter(Boolean).join(' · ') || '—'}</p>
        <p className="mkto-crosslink">
          <a href={demoPagePath('sfa', lead.sfaId)}>
            View in Demo CRM (Salesforce-like) <Icon icon={ArrowRight} />
          </a>
        </p>
      </header>
      <section className="demo-card" aria-labelledby="mkto-info">
        <h2 id="mkto-info">Lead Info</h2>
        <dl className="mkto-info-grid">
          <Info label="First Name" value={identity.firstName} lang={lang} />
          <Info label="Last Name" value={identity.lastName} lang={lang} />
          <Info label="Email Address" value={person.email} />
          <Info label="Company Name" value={person.company} lang={lang} />
          <Info label="Job Title" value={person.title} lang={lang} />
          <Info label="Industry" value={identity.industry} lang={lang} />
          <Info label="Number of Employees" value={formatCount(identity.employees, lang)} />
          <Info label="Country" value={identity.country} />
          <Info label="State" value={identity.region} lang={lang} />
          <Info label="Lead Source" value={identity.leadSource} />
          <Info label="Lead Status" value={person.vendorStage} />
          <Info label="Lead Owner" value={person.owner} />
          <Info label="Created" value={formatDateTime(lead.createdAt)} />
        </dl>
      </section>
      <ActivityLog key={lead.maId} lead={lead} />
    </article>
  );
}

/** The Marketo Engage-like lead detail page of the demo workspace (`/demo-ma.html#/lead/{id}`). */
export function DemoMaPage({ clock = Date.now }: { clock?: () => number }) {
  const ws = useDemoWorkspace(clock);
  const { leadId, open } = useLeadHash(DEMO_DEFAULT_LEAD.ma);
  const lead = ws.byMaId.get(leadId);
  useEffect(() => {
    document.title = lead ? `${lead.person.name} - Lead Detail - Baton Demo MA` : 'Baton Demo MA';
  }, [lead]);
  return (
    <div className="demo-page mkto">
      <header className="mkto-global">
        <span className="mkto-app">Baton Demo MA</span>
        <nav aria-label="App navigation" className="mkto-tabs">
          <span>Marketing Activities</span>
          <span aria-current="page">Database</span>
          <span>Analytics</span>
        </nav>
      </header>
      <DemoBanner product="Marketo-like MA" />
      <div className="demo-body">
        <DemoLeadList ws={ws} currentId={leadId} idOf={(l) => l.maId} onOpen={open} title="Lead Database" />
        <main className="demo-main">
          {lead ? <LeadDetail lead={lead} /> : <DemoNotFound id={leadId} defaultId={DEMO_DEFAULT_LEAD.ma} onOpen={open} />}
        </main>
      </div>
    </div>
  );
}
