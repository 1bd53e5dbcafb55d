import { DEMO_DEFAULT_LEAD } from '../../lib/connectors/demo/featured';
import { leadHash } from './use-lead-hash';

/** An id in the URL that the workspace does not have: say so, and offer a way back. */
export function DemoNotFound({ id, defaultId, onOpen }: { id: string; defaultId: string; onOpen: (id: string) => void }) {
  return (
    <section className="demo-card demo-not-found" role="alert">
      <h1>Record not found / レコードが見つかりません</h1>
      <p>
        The demo workspace has no lead with id <code>{id}</code>. Pick one from the list, or open the featured lead:{' '}
        <a
          href={leadHash(defaultId)}
          onClick={(e) => {
            e.preventDefault();
            onOpen(defaultId);
          }}
        >
          <span lang="ja">{DEMO_DEFAULT_LEAD.label.ja}</span>
        </a>
      </p>
    </section>
  );
}
