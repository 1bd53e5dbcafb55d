import { QueryClient } from '@tanstack/react-query';
import { isConnectorError } from '../connectors/connector';

/** How many times a failed refresh is retried in the panel before the stale banner shows. */
const MAX_RETRIES = 2;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  // Auth needs the connector's refresh or a person; permanent errors will not heal by asking again.
  return failureCount < MAX_RETRIES && isConnectorError(error) && (error.kind === 'transient' || error.kind === 'rate-limit');
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (isConnectorError(error) && error.retryAfterMs !== undefined) return error.retryAfterMs;
  return Math.min(1_000 * 2 ** failureCount, 30_000);
}

/** The QueryClient for extension pages. The local store is the cache of record, so gc can be short. */
export function createBatonQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, gcTime: 10 * 60_000, refetchOnWindowFocus: true },
    },
  });
}
