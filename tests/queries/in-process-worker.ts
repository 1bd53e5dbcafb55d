import type { LeadContext } from '../../lib/domain/model';
import type { WorkerLike } from '../../lib/queries/team-kpis-client';
import { createTeamKpisService, type TeamKpisServiceOptions } from '../../lib/queries/team-kpis-service';

/**
 * The team-KPIs worker's service behind structured clones, as a Worker runs it: every message and answer is
 * copied on the way, so nothing passes by reference that a real Worker could not pass, and each message is a task.
 * `read` is the snapshot read the worker does (a list, or the Dexie snapshot of a test database).
 */
export function inProcessWorker(read: LeadContext[] | (() => Promise<LeadContext[]>), options?: TeamKpisServiceOptions): WorkerLike {
  const service = createTeamKpisService(typeof read === 'function' ? read : async () => read, undefined, options);
  const listeners: ((event: MessageEvent) => void)[] = [];
  return {
    postMessage(message) {
      const copy = structuredClone(message);
      // Each message is its own task, as a Worker's are: one handled synchronously runs to its end before the next
      // message is looked at (the tests of what the worker lets in between depend on it).
      setTimeout(() => {
        void service.handle(copy).then((response) => {
          if (!response) return;
          const event = new MessageEvent('message', { data: structuredClone(response) });
          for (const listener of listeners) listener(event);
        });
      }, 0);
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
    },
  };
}
