import { useEffect } from 'react';
import type { DemoLead, DemoWorkspace } from '../../lib/connectors/demo/dataset';
import { demoPagePath } from '../../lib/connectors/demo/demo-ids';
import { DEMO_DEFAULT_LEAD } from '../../lib/connectors/demo/featured';
import { DEMO_LEAD_STATUS } from '../../lib/connectors/demo/vendor-values';
import type { SalesActivity } from '../../lib/domain/model';
import { normalizeEmail } from '../../lib/domain/model';
import { DemoBanner } from './demo-banner';
import { formatAmount, formatCount, formatDate, formatDateTime } from './demo-format';
import { DemoLeadList } from './demo-lead-list';
import { DemoNotFound } from './demo-not-found';
import { useDemoWorkspace } from './use-demo-workspace';
import { leadHash, useLeadHash } from './use-lead-hash';
import './demo-page.css';
import './demo-sfa-page.css';
import { ArrowRight } from 'lucide-react';
import { Icon } from '../ui/icon';

const PATH_STEPS = [DEMO_LEAD_STATUS.inquiry, DEMO_LEAD_STATUS.mql, DEMO_LEAD_STATUS.sal] as const;

const ACTIVITY_LABEL: Record<SalesActivity['type'], string> = {
  call: 'Call',
  email: 'Email',
  meeting: 'Event',
  task: 'Task',
  note: 'Note',
};

/** A Lightning-style status path: the open statuses, then wherever the lead ended up (or "Closed"). */
function StatusPath({ status }: { status: string }) {
  const openIndex = PATH_STEPS.indexOf(status as (typeof PATH_STEPS)[number]);
  const closed = openIndex === -1;
  const steps = [...PATH_STEPS, closed ? status : 'Closed'];
  const currentIndex = closed ? steps.length - 1 : openIndex;
  return (
    <ol className="sfa-path" aria-label="Lead Status path">
      {steps.map((step, i) => (
        <li
          key={step}
          className={i < currentIndex ? 'is-complete' : i === currentIndex ? 'is-current' : undefined}
          aria-current={i === currentIndex ? 'step' : undefined}
        >
          {step}
        </li>
      ))}
    </ol>
  );
}

function Field({ label, value, lang }: { label: string; value: string | number | null | undefined; lang?: string }) {
  return (
    <div className="sfa-field">
      <dt>{label}</dt>
      <dd lang={lang}>{value === null || value === undefined || value === '' ? '—' : value}</dd>
    </div>
  );
}

function LeadRecord({ lead, ws }: { lead: DemoLead; ws: DemoWorkspace }) {
  const { person, identity } = lead;
  const lang = identity.locale;
  const email = normalizeEmail(person.email);
  const duplicates = (email ? ws.duplicatesByEmail.get(email) ?? [] : []).filter((l) => l !== lead);
  const activities = [...lead.activities].reverse();
  const history = [...lead.stageChanges].reverse();
  return (
    <article className="sfa-record" aria-labelledby="sfa-record-name">
      <header className="demo-card sfa-record-header">
        <p className="sfa-object">Lead</p>
        <h1 id="sfa-record-name" lang={lang}>
          {person.name}
        </h1>
        <p className="sfa-subtitle" lang={lang}>
          {[person.title, person.company].filter(Boolean).join(' · ') || '—'}
        </p>
        <dl className="sfa-highlights">
          <Field label="Title" value={person.title} lang={lang} />
          <Field label="Company" value={person.company} lang={lang} />
          <Field label="Phone" value={person.phone} />
          <Field label="Email" value={person.email} />
          <Field label="Lead Owner" value={person.owner} />
        </dl>
        <StatusPath status={person.vendorStage ?? DEMO_LEAD_STATUS.inquiry} />
        <p className="sfa-crosslink">
          <a href={demoPagePath('ma', lead.maId)}>
            View in Demo MA (Marketo-like) <Icon icon={ArrowRight} />
          </a>
        </p>
      </header>

      {duplicates.length > 0 && (
        <section className="demo-card sfa-duplicates" role="status">
          <h2>Potential duplicates</h2>
          <p>
            We found {duplicates.length} potential duplicate{duplicates.length > 1 ? 's' : ''} of this lead:{' '}
            {duplicates.map((d) => (
              <a key={d.sfaId} href={leadHash(d.sfaId)} lang={d.identity.locale}>
                {d.person.name} ({d.person.company ?? '—'})
              </a>
            ))}
          </p>
        </section>
      )}

      <div className="sfa-columns">
        <section className="demo-card" aria-labelledby="sfa-details">
          <h2 id="sfa-details">Details</h2>
          <dl className="sfa-details">
            <Field label="Name" value={person.name} lang={lang} />
            <Field label="Lead Status" value={person.vendorStage} />
            <Field label="Title" value={person.title} lang={lang} />
            <Field label="Company" value={person.company} lang={lang} />
            <Field label="Email" value={person.email} />
            <Field label="Phone" value={person.phone} />
            <Field label="Website" value={identity.website} />
            <Field label="Industry" value={identity.industry} lang={lang} />
            <Field label="No. of Employees" value={formatCount(identity.employees, lang)} />
            <Field label="Lead Source" value={identity.leadSource} />
            <Field label="Country" value={identity.country} />
            <Field label={lang === 'ja' ? 'State/Province (都道府県)' : 'State/Province'} value={identity.region} lang={lang} />
            <Field label="Lead Owner" value={person.owner} />
            <Field label="Created Date" value={formatDateTime(lead.createdAt)} />
          </dl>
        </section>

        <div className="sfa-side">
          <section className="demo-card" aria-labelledby="sfa-activity">
            <h2 id="sfa-activity">Activity</h2>
            {activities.length === 0 ? (
              <p className="demo-empty">No activities to show. / 活動はまだありません。</p>
            ) : (
              <ul className="sfa-activity">
                {activities.map((a) => (
                  <li key={a.id} className={`sfa-activity-${a.type}`}>
                    <span className="sfa-activity-type">{ACTIVITY_LABEL[a.type]}</span>
                    <span className="sfa-activity-subject" lang={lang}>
                      {a.subject ?? '—'}
                    </span>
                    <span className="sfa-activity-meta">
                      {formatDateTime(a.occurredAt)} · {a.by ?? '—'}
                      {a.outcome ? ` · ${a.outcome}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {lead.opportunities.length > 0 && (
            <section className="demo-card" aria-labelledby="sfa-opps">
              <h2 id="sfa-opps">Opportunities ({lead.opportunities.length})</h2>
              <table className="demo-table">
                <thead>
                  <tr>
                    <th scope="col">Opportunity Name</th>
                    <th scope="col">Stage</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Close Date</th>
                  </tr>
                </thead>
                <tbody>
                  {lead.opportunities.map((o) => (
                    <tr key={o.id}>
                      <td lang={lang}>{o.name}</td>
                      <td>{o.stageName}</td>
                      <td>{formatAmount(o.amount, o.currency)}</td>
                      <td>{o.closeDate ? formatDate(o.closeDate) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}

          <section className="demo-card" aria-labelledby="sfa-history">
            <h2 id="sfa-history">Lead History</h2>
            <table className="demo-table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Field</th>
                  <th scope="col">User</th>
                  <th scope="col">Original Value</th>
                  <th scope="col">New Value</th>
                </tr>
              </thead>
              <tbody>
                {history.map((c) => (
                  <tr key={c.id}>
                    <td>{formatDateTime(c.at)}</td>
                    <td>Lead Status</td>
                    <td>{c.by ?? '—'}</td>
                    <td>{c.fromVendorValue ?? '—'}</td>
                    <td>
                      {c.vendorValue}
                      {c.reason ? <span lang={lang}> ({c.reason})</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      </div>
    </article>
  );
}

/** The Salesforce Lightning-like lead record page of the demo workspace (`/demo-sfa.html#/lead/{id}`). */
export function DemoSfaPage({ clock = Date.now }: { clock?: () => number }) {
  const ws = useDemoWorkspace(clock);
  const { leadId, open } = useLeadHash(DEMO_DEFAULT_LEAD.sfa);
  const lead = ws.bySfaId.get(leadId);
  useEffect(() => {
    document.title = lead ? `${lead.person.name} | Lead | Baton Demo CRM` : 'Baton Demo CRM';
  }, [lead]);
  return (
    <div className="demo-page sfa">
      <header className="sfa-global">
        <span className="sfa-app">Baton Demo CRM</span>
        <nav aria-label="App navigation" className="sfa-tabs">
          <span aria-current="page">Leads</span>
          <span>Contacts</span>
          <span>Opportunities</span>
          <span>Reports</span>
        </nav>
      </header>
      <DemoBanner product="Salesforce-like CRM" />
      <div className="demo-body">
        <DemoLeadList ws={ws} currentId={leadId} idOf={(l) => l.sfaId} onOpen={open} title="Leads" />
        <main className="demo-main">
          {lead ? <LeadRecord lead={lead} ws={ws} /> : <DemoNotFound id={leadId} defaultId={DEMO_DEFAULT_LEAD.sfa} onOpen={open} />}
        </main>
      </div>
    </div>
  );
}
