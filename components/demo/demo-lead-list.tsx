import type { MouseEvent } from 'react';
import type { DemoLead, DemoWorkspace } from '../../lib/connectors/demo/dataset';
import { FEATURED_STORIES, DEMO_FEATURED } from '../../lib/connectors/demo/featured';
import { leadHash } from './use-lead-hash';

/** How many of the non-featured leads the list shows: enough to browse, short enough to scan. */
const LIST_SIZE = 40;

export function demoListLeads(ws: DemoWorkspace): DemoLead[] {
  const featured = FEATURED_STORIES.map((s) => ws.bySfaId.get(DEMO_FEATURED[s].sfa)).filter((l): l is DemoLead => !!l);
  // The first non-featured people by index, laid one by one: `ws.leads` would lay the whole year (2,400 people).
  const rest: DemoLead[] = [];
  for (let i = 0; i < ws.size && rest.length < LIST_SIZE; i++) {
    const lead = ws.leadAt(i);
    if (!lead.story) rest.push(lead);
  }
  return [...featured, ...rest];
}

/**
 * The left-hand list of leads on both demo pages. Choosing one changes only `location.hash`, with no page
 * load, the way Lightning and Marketo switch records; that is what the panel must follow.
 */
export function DemoLeadList({
  ws,
  currentId,
  idOf,
  onOpen,
  title,
}: {
  ws: DemoWorkspace;
  currentId: string;
  idOf: (lead: DemoLead) => string;
  onOpen: (id: string) => void;
  title: string;
}) {
  const leads = demoListLeads(ws);
  const click = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    // Keep modified clicks (new tab, new window) to the browser.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(id);
  };
  return (
    <nav className="demo-list" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {leads.map((lead) => {
          const id = idOf(lead);
          const current = id === currentId;
          return (
            <li key={id}>
              <a href={leadHash(id)} aria-current={current ? 'page' : undefined} onClick={click(id)}>
                <span className="demo-list-name" lang={lead.identity.locale}>
                  {lead.person.name}
                </span>
                <span className="demo-list-company" lang={lead.identity.locale}>
                  {lead.person.company ?? '—'}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
