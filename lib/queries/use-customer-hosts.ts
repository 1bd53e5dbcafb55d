import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import {
  addCustomerHost,
  browserCustomerHostsDeps,
  readCustomerHosts,
  removeCustomerHost,
  type AddCustomerHostResult,
} from '../messaging/customer-hosts';
import type { CustomerHost, CustomerHostSystem } from '../sites/customer-hosts';
import { useBatonDeps } from './baton-deps';

const KEY = ['customer-hosts'] as const;

export interface CustomerHostsState {
  hosts: CustomerHost[];
  loaded: boolean;
  /** Call it synchronously from the click (the permission prompt needs the user gesture). */
  add(input: string, system: CustomerHostSystem): Promise<AddCustomerHostResult>;
  remove(host: string): Promise<void>;
}

/** The customer hosts an admin added in options, and adding or removing one (lib/messaging/customer-hosts.ts). */
export function useCustomerHosts(): CustomerHostsState {
  const { customerHosts } = useBatonDeps();
  const deps = useMemo(() => customerHosts ?? browserCustomerHostsDeps(), [customerHosts]);
  const client = useQueryClient();
  const query = useQuery({ queryKey: KEY, queryFn: () => readCustomerHosts(deps) });
  const add = useCallback(
    (input: string, system: CustomerHostSystem) =>
      addCustomerHost(input, system, deps).finally(() => void client.invalidateQueries({ queryKey: KEY })),
    [client, deps],
  );
  const remove = useCallback(
    (host: string) => removeCustomerHost(host, deps).finally(() => void client.invalidateQueries({ queryKey: KEY })),
    [client, deps],
  );
  return { hosts: query.data ?? [], loaded: query.isSuccess, add, remove };
}
