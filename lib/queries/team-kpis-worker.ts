/// <reference lib="webworker" />
import { openBatonDb } from '../store/db';
import { readTeamSnapshot } from '../store/snapshot-repo';
import { saveTeamAnswer } from '../store/team-answer-cache';
import { createTeamKpisService } from './team-kpis-service';

/**
 * The team-KPIs Web Worker (module worker, bundled by Vite from `new Worker(new URL(…), { type: 'module' })` in
 * team-kpis-client.ts). It opens the extension's IndexedDB itself and reads the snapshot there, so 100,000 contexts
 * never cross postMessage; pages send small requests and get the figures back. Only extension pages start it, so
 * messages come from this extension's own pages.
 */
const db = openBatonDb();
const service = createTeamKpisService(() => readTeamSnapshot(db), undefined, { keepAnswer: (question, kept) => saveTeamAnswer(db, question, kept) });
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  void service.handle(event.data).then((response) => {
    if (response) scope.postMessage(response);
  });
});
