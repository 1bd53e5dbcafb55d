import type { LeadContext } from '../../lib/domain/model';
import type { WorkerLike } from '../../lib/queries/team-kpis-client';
import { createTeamKpisService } from '../../lib/queries/team-kpis-service';

/** The worker's service behind structured clones, as a Worker would be. */
export function inProcessWorker(contexts: LeadContext[]): WorkerLike {
  const service = createTeamKpisService(async () => contexts);
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

