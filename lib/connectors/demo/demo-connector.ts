import { browser } from 'wxt/browser';
import type { Connector, DeliveryReceipt, FetchOptions } from '../connector';
import type { ListPage, ListRequest } from '../listing';
import { ConnectorError } from '../connector';
import type { DataQualityWarning, Feedback, LeadContext, RecordRef, StageChange } from '../../domain/model';
import { isOpenAfterHandoff } from '../../domain/open-after-handoff';
import { feedbackSchema, normalizeEmail, recordRefSchema } from '../../domain/model';
import { generateDemoWorkspace, demoAnchor, type DemoLead, type DemoWorkspace } from './dataset';
import { DEMO_REP } from './demo-reps';
import { demoRef, salesforceIdSuffix, type DemoInstance } from './demo-ids';
import { DEMO_STATUS_FIELD } from './vendor-values';

export interface DemoConnectorOptions {
  /** The demo's clock; pins the workspace's hour for tests and screenshots. Default: each call's `now`. */
  now?: () => number;
  /** Simulated network latency per call, so loading states can be seen and tested. */
  latencyMs?: number;
  /**
   * Origin the demo pages are served from, for the person's links. Default: this extension's own
   * (`chrome-extension://{id}/`), so the panel can open them like any vendor link.
   */
  pageBase?: string;
}

function extensionBase(): string | undefined {
  try {
    return browser.runtime.getURL('/');
  } catch {
    return undefined;
  }
}

const INSTANCE_LABEL: Record<DemoInstance, string> = { sfa: 'Salesforce-like', ma: 'Marketo-like' };

function isDemoInstance(value: string): value is DemoInstance {
  return value === 'sfa' || value === 'ma';
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function notFound(message: string): ConnectorError {
  return new ConnectorError({ vendor: 'demo', kind: 'not-found', message });
}

/** The first problem zod found, as "field: message", for an error a person can act on. */
function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(value)'}: ${issue.message}` : 'invalid value';
}

/**
 * The demo workspace served through the same interface as the vendors, so the panel cannot tell it from one.
 * The workspace is generated once per anchor hour and kept; feedback delivered to it is kept in memory like a
 * system of record would keep it, and shows up in later fetches of the same person.
 */
export function createDemoConnector(options: DemoConnectorOptions = {}): Connector {
  const latencyMs = options.latencyMs ?? 0;
  const pageBase = options.pageBase ?? extensionBase();
  const absolute = (path: string) => (pageBase ? new URL(path, pageBase).href : path);
  let memo: DemoWorkspace | undefined;
  /** feedback.id → id of the Task it became: the idempotency record, as the SFA's own search would find it. */
  const delivered = new Map<string, string>();
  /** SFA lead id → feedback delivered for that record (from either demo page), oldest first. */
  const deliveredByLead = new Map<string, Feedback[]>();
  let taskSeq = 0;

  const workspaceAt = (now: number): DemoWorkspace => {
    const anchor = demoAnchor(now);
    if (memo?.anchor !== anchor) memo = generateDemoWorkspace({ anchor });
    return memo;
  };

  const findLead = (ws: DemoWorkspace, input: RecordRef): DemoLead => {
    const parsed = recordRefSchema.safeParse(input);
    if (!parsed.success) {
      throw new ConnectorError({
        vendor: 'demo',
        kind: 'permanent',
        message: `Demo workspace: the record reference is malformed (${firstIssue(parsed.error)}). Reload the demo page.`,
      });
    }
    const ref = parsed.data;
    if (ref.system !== 'demo') {
      throw new ConnectorError({
        vendor: 'demo',
        kind: 'permanent',
        message: `The demo workspace was asked for a ${ref.system} record (${ref.object} ${ref.id}); only demo pages' records can be read from it.`,
      });
    }
    if (!isDemoInstance(ref.instance)) {
      throw notFound(`Demo workspace: unknown demo page "${ref.instance}" (expected "sfa" or "ma"). Open a lead from a demo page again.`);
    }
    if (ref.object.toLowerCase() !== 'lead') {
      throw notFound(`Demo workspace: the demo pages show leads only, not "${ref.object}". Open a lead from the demo page's list.`);
    }
    const lead = ref.instance === 'sfa' ? ws.bySfaId.get(ref.id) : ws.byMaId.get(ref.id);
    if (!lead) {
      throw notFound(
        `Demo workspace: no lead with id "${ref.id}" on the ${INSTANCE_LABEL[ref.instance]} demo page. ` +
          'Pick a lead from the list on the demo page, or open "Try the demo" from the options page again.',
      );
    }
    return lead;
  };

  const warningsFor = (ws: DemoWorkspace, lead: DemoLead, instance: DemoInstance): DataQualityWarning[] => {
    const email = normalizeEmail(lead.identity.email);
    const group = email ? ws.duplicatesByEmail.get(email) : undefined;
    if (!email || !group) return [];
    const others = group.filter((l) => l !== lead);
    return [
      {
        code: 'possible_duplicate',
        detail: `${email}: ${others.map((o) => o.person.name).join(', ')}`,
        refs: others.map((o) => demoRef(instance, instance === 'sfa' ? o.sfaId : o.maId)),
      },
    ];
  };

  const remapStages = (changes: StageChange[], stageOf: FetchOptions['stageOf']): StageChange[] => {
    if (!stageOf) return changes;
    // The team's definitions decide what a status means; the demo's own reading stands in when they do not
    // map the demo system at all (a team's file written before the demo existed).
    return changes.map((c) => ({ ...c, stage: stageOf('demo', DEMO_STATUS_FIELD, c.vendorValue) ?? c.stage }));
  };

  const contextOf = (ws: DemoWorkspace, lead: DemoLead, ref: RecordRef, fetchOptions: FetchOptions, now: number): LeadContext => {
    const instance = ref.instance as DemoInstance;
    // Callers may keep and change what they get; the memoized workspace must stay as generated.
    const copy = structuredClone(lead);
    const stageChanges = remapStages(copy.stageChanges, fetchOptions.stageOf);
    const last = stageChanges[stageChanges.length - 1];
    const person = {
      ...copy.person,
      stage: last ? last.stage : copy.person.stage,
      links: copy.person.links.map((l) => (l.url ? { ...l, url: absolute(l.url) } : l)),
    };
    return {
      ref: { ...ref },
      person,
      events: copy.events,
      activities: copy.activities,
      stageChanges,
      opportunities: copy.opportunities,
      feedback: [...copy.feedback, ...structuredClone(deliveredByLead.get(lead.sfaId) ?? [])],
      warnings: warningsFor(ws, lead, instance),
      fetchedAt: now,
      sources: ['demo'],
    };
  };

  return {
    system: 'demo',

    async fetchContext(ref: RecordRef, fetchOptions: FetchOptions): Promise<LeadContext> {
      await wait(latencyMs, fetchOptions.signal);
      const now = options.now ? options.now() : fetchOptions.now;
      const ws = workspaceAt(now);
      return contextOf(ws, findLead(ws, ref), ref, fetchOptions, now);
    },

    /**
     * The whole workspace in one page: every lead as the SFA-like page's panel shows it (the SFA is the system
     * of record of the demo, as Salesforce is of a real team). 'mine' keeps the whole team's open leads after
     * handoff: the demo rep is picked in the panel at any time, so the queue filters by owner as it reads
     * (domain/my-queue.ts `isMyLead`) rather than waiting for the next sync.
     */
    async listingInstance() {
      return 'sfa';
    },

    /** The demo signs in as its default rep until the person picks another (stored like any identity). */
    async whoAmI(fetchOptions: FetchOptions) {
      return { system: 'demo' as const, userId: DEMO_REP, name: DEMO_REP, checkedAt: fetchOptions.now };
    },

    async *listContexts(request: ListRequest, fetchOptions: FetchOptions): AsyncGenerator<ListPage, void, void> {
      await wait(latencyMs, fetchOptions.signal);
      const now = options.now ? options.now() : fetchOptions.now;
      const ws = workspaceAt(now);
      const contexts = ws.leads
        .map((lead) => contextOf(ws, lead, demoRef('sfa', lead.sfaId), fetchOptions, now))
        .filter((c) => request.scope === 'team' || isOpenAfterHandoff(c.person));
      yield { contexts, deleted: [], cursor: null, progress: { done: contexts.length, total: contexts.length }, calls: 0 };
    },

    /** Reasons added after delivery update the one stored entry (as a vendor's Task is updated in place). */
    async amendFeedback(feedback: Feedback, fetchOptions: FetchOptions): Promise<DeliveryReceipt> {
      await wait(latencyMs, fetchOptions.signal);
      const vendorId = delivered.get(feedback.id);
      if (!vendorId) throw new ConnectorError({ vendor: 'demo', kind: 'permanent', message: 'Demo workspace: this feedback was not delivered here, so there is nothing to update.' });
      for (const [lead, list] of deliveredByLead) {
        deliveredByLead.set(lead, list.map((f) => (f.id === feedback.id ? { ...f, reasonCodes: [...feedback.reasonCodes], ...(feedback.comment ? { comment: feedback.comment } : {}) } : f)));
      }
      return { vendorId, alreadyExisted: true };
    },

    async deliverFeedback(feedback: Feedback, fetchOptions: FetchOptions): Promise<DeliveryReceipt> {
      await wait(latencyMs, fetchOptions.signal);
      const parsed = feedbackSchema.safeParse(feedback);
      if (!parsed.success) {
        throw new ConnectorError({
          vendor: 'demo',
          kind: 'permanent',
          message: `Demo workspace: this feedback cannot be recorded (${firstIssue(parsed.error)}). Give it again from the panel.`,
        });
      }
      const existing = delivered.get(feedback.id);
      if (existing) return { vendorId: existing, alreadyExisted: true };
      const now = options.now ? options.now() : fetchOptions.now;
      const lead = findLead(workspaceAt(now), feedback.ref);
      taskSeq++;
      const id15 = `00T5gDEMOF${taskSeq.toString(36).toUpperCase().padStart(5, '0')}`;
      const vendorId = id15 + salesforceIdSuffix(id15);
      delivered.set(feedback.id, vendorId);
      const stored: Feedback = { ...structuredClone(feedback), state: 'sent', sentAt: now, vendorId };
      deliveredByLead.set(lead.sfaId, [...(deliveredByLead.get(lead.sfaId) ?? []), stored]);
      return { vendorId, alreadyExisted: false };
    },
  };
}
