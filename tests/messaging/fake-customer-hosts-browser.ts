import type { CustomerHostsDeps, RegisteredScript } from '../../lib/messaging/customer-hosts';

/** The browser as far as customer hosts reach it: what the person grants, the registered scripts, storage. */
export function fakeDeps(opts: { grant?: boolean; scripting?: boolean } = {}) {
  const granted = new Set<string>();
  const scripts = new Map<string, RegisteredScript>();
  const store: Record<string, unknown> = {};
  const requests: { origins?: string[]; permissions?: string[] }[] = [];
  const deps: CustomerHostsDeps = {
    permissions: {
      request: vi.fn(async (p) => {
        requests.push(p);
        if (opts.grant === false) return false;
        for (const o of [...(p.origins ?? []), ...(p.permissions ?? [])]) granted.add(o);
        return true;
      }),
      remove: vi.fn(async (p) => {
        for (const o of [...(p.origins ?? []), ...(p.permissions ?? [])]) granted.delete(o);
        return true;
      }),
      contains: vi.fn(async (p) => [...(p.origins ?? []), ...(p.permissions ?? [])].every((o) => granted.has(o))),
    },
    scripting: () =>
      opts.scripting === false
        ? undefined
        : {
            registerContentScripts: vi.fn(async (list: RegisteredScript[]) => {
              for (const s of list) {
                if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
                scripts.set(s.id, s);
              }
            }),
            unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
              for (const id of ids) scripts.delete(id);
            }),
            getRegisteredContentScripts: vi.fn(async (filter?: { ids: string[] }) =>
              [...scripts.values()].filter((s) => !filter || filter.ids.includes(s.id)),
            ),
          },
    storage: {
      get: async (key) => (key in store ? { [key]: structuredClone(store[key]) } : {}),
      set: async (items) => void Object.assign(store, structuredClone(items)),
    },
  };
  return { deps, granted, scripts, store, requests };
}

