import { hashParams, pathSegments, queryParam, toUrl } from '../../lib/sites/url-parts';

describe('URL helpers the detectors share', () => {
  it('reads a page address, and gives null (not a throw) for text that is no URL', () => {
    expect(toUrl('https://acme.lightning.force.com/')?.hostname).toBe('acme.lightning.force.com');
    expect(toUrl('not a url')).toBeNull();
    expect(toUrl('')).toBeNull();
  });

  it('decodes path segments, skips empty ones, and gives null for broken percent-encoding', () => {
    expect(pathSegments(new URL('https://x.example/a//b%20c/'))).toEqual(['a', 'b c']);
    expect(pathSegments(new URL('https://x.example/a/%E0%A4%A'))).toBeNull();
  });

  it('reads kintone-style fragment parameters and query keys in any case', () => {
    expect(hashParams(new URL('https://x.example/k/12/show#record=5&mode=edit')).get('record')).toBe('5');
    expect(queryParam(new URL('https://x.example/main.aspx?PageType=entityrecord'), 'pagetype')).toBe('entityrecord');
    expect(queryParam(new URL('https://x.example/main.aspx?etn=lead'), 'pagetype')).toBeNull();
  });
});
