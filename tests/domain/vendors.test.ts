import { describe, expect, it } from 'vitest';
import { teamListingSystems } from '../../lib/domain/vendors';

describe('the systems of the team sync', () => {
  it('are the SFA/CRM systems (and the demo), in the order systems are listed; the MAs are read per person', () => {
    expect(teamListingSystems()).toEqual(['salesforce', 'hubspot', 'dynamics', 'kintone', 'demo']);
  });
});
