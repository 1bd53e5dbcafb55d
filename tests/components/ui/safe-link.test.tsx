import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SafeLink, safeHref } from '../../../components/ui/safe-link';

describe('links built from vendor data', () => {
  const own = fakeBrowser.runtime.getURL('/demo-sfa.html#/lead/L-1');

  it("links Baton's own demo pages", () => {
    expect(safeHref(own)).toBe(own);
    render(<SafeLink url={own}>demo</SafeLink>);
    expect(screen.getByRole('link', { name: 'demo' })).toHaveAttribute('href', own);
  });

  it("never links another extension's pages, even with the demo's path", () => {
    const other = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/demo-sfa.html#/lead/L-1';
    const otherFirefox = 'moz-extension://0f1e2d3c-aaaa-bbbb-cccc-111122223333/demo-ma.html';
    expect(safeHref(other)).toBeUndefined();
    expect(safeHref(otherFirefox)).toBeUndefined();
    render(<SafeLink url={other}>other extension</SafeLink>);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('other extension')).toBeInTheDocument();
  });

  it('still links https and refuses javascript:', () => {
    expect(safeHref('https://app.hubspot.com/contacts/1/record/0-1/2')).toBe('https://app.hubspot.com/contacts/1/record/0-1/2');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
  });
});
