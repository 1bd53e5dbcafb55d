import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, Fragment, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Card } from './card';

export interface CardBoundaryProps {
  /** The card's (or section's) title, so the message says which part is missing. */
  label: string;
  /** Extra work before the part is mounted again, e.g. refetching the data it was drawn from. */
  onRetry?: (() => void) | undefined;
  children: ReactNode;
}

/**
 * One failing part never takes the others down (the Refined GitHub way: one scope per feature). Around every
 * card of the panel and every section of a page: a card that throws while rendering shows a short message
 * with Retry instead, and its neighbours render as usual. Retry resets the queries that threw inside it
 * (TanStack Query's `QueryErrorResetBoundary`), runs `onRetry`, then mounts the card afresh.
 * React reports the caught error itself (console.error through the root's onCaughtError), so it is not logged twice.
 */
export function CardBoundary({ label, onRetry, children }: CardBoundaryProps) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Catcher
          onReset={() => {
            reset();
            onRetry?.();
          }}
          fallback={(retry) => <CardFailed label={label} onRetry={retry} />}
        >
          {children}
        </Catcher>
      )}
    </QueryErrorResetBoundary>
  );
}

/** A card whose content is drawn inside its own boundary: `children` is a function, so a throw in it is caught. */
export function GuardedCard({ title, onRetry, className, children }: {
  title: string;
  onRetry?: (() => void) | undefined;
  className?: string;
  children: () => ReactNode;
}) {
  return (
    <CardBoundary label={title} onRetry={onRetry}>
      <Card title={title} {...(className ? { className } : {})}>
        <Lazy render={children} />
      </Card>
    </CardBoundary>
  );
}

function Lazy({ render }: { render: () => ReactNode }) {
  return <>{render()}</>;
}

function CardFailed({ label, onRetry }: { label: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Card title={label} className="card-failed">
      <p role="alert" className="small">
        {t('boundary.failed')}
      </p>
      <button type="button" onClick={onRetry}>
        {t('state.retry')}
      </button>
    </Card>
  );
}

interface CatcherProps {
  onReset: () => void;
  fallback: (retry: () => void) => ReactNode;
  children: ReactNode;
}

class Catcher extends Component<CatcherProps, { failed: boolean; attempt: number }> {
  override state = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  private readonly retry = () => {
    this.props.onReset();
    // A new key mounts the part afresh: its own state starts over, as on first open.
    this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }));
  };

  override render(): ReactNode {
    if (this.state.failed) return this.props.fallback(this.retry);
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}
