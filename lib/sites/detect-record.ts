import type { RecordRef } from '../domain/model';

// Placeholder until the per-vendor detectors land.
export function detectRecord(_url: string | URL): RecordRef | null {
  return null;
}
