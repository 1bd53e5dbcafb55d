import { X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Icon } from '../ui/icon';
import type { DrillRequest } from './drill';
import { PeopleList } from './people-list';

/**
 * The list opened by a number: a non-modal dialog at the top of the page; focus moves to its heading and goes back
 * to the number when it closes (Escape or the close button).
 */
export function DrillPanel({ request, onClose }: { request: DrillRequest; onClose: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    heading.current?.focus();
    return () => opener?.focus?.();
  }, [request]);
  return (
    <section
      role="dialog"
      aria-labelledby="team-drill-title"
      className="card team-drill"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <header className="card-head">
        <h2 id="team-drill-title" tabIndex={-1} ref={heading}>
          {t('teamPage.drill.title', { figure: request.label })}
        </h2>
        <button type="button" onClick={onClose}>
          <Icon icon={X} /> {t('teamPage.drill.close')}
        </button>
      </header>
      <PeopleList path={request.path} {...(request.range ? { range: request.range } : {})} />
    </section>
  );
}
