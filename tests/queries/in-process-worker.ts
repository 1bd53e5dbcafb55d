import type { LeadContext } from '../../lib/domain/model';
import type { WorkerLike } from '../../lib/queries/team-kpis-client';
import { createTeamKpisService, type TeamKpisServiceOptions } from '../../lib/queries/team-kpis-service';

/**
 * The team-KPIs worker's service behind structured clones, as a Worker runs it: every message and answer is
 * copied on the way, so nothing passes by reference that a real Worker could not pass. `read` is the snapshot
 * read the worker does (a list, or the Dexie snapshot of a test database).
 */
export function inProcessWorker(read: LeadContext[] | (() => Promise<LeadContext[]>), options?: TeamKpisServiceOptions): WorkerLike {
  const service = createTeamKpisService(typeof read === 'function' ? read : async () => read, undefined, options);
  const listeners: ((event: MessageEvent) => void)[] = [];
  return {
    postMessage(message) {
      void service.handle(structuredClone(message)).then((response) => {
        if (!response) return;
        const event = new MessageEvent('message', { data: structuredClone(response) });
        for (const listener of listeners) listener(event);
      });
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
    },
  };
}
