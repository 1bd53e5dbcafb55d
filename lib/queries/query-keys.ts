import { recordKey, type RecordRef } from '../domain/model';

/** Query keys, one factory per resource: two views of one record build the same key and share one request. */
export const leadContextKeys = {
  all: ['lead-context'] as const,
  detail: (ref: RecordRef) => [...leadContextKeys.all, recordKey(ref)] as const,
};
