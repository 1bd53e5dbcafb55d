import { toCsv } from '../../lib/domain/csv';

describe('CSV of the team tables', () => {
  it('quotes commas, quotes and line breaks, ends lines with CRLF, and leaves numbers as numbers', () => {
    expect(toCsv(['campaign', 'won'], [['Spring, 2026', 3], ['He said "yes"\nthen', -2.5], [null, null]])).toBe(
      'campaign,won\r\n"Spring, 2026",3\r\n"He said ""yes""\nthen",-2.5\r\n,\r\n',
    );
  });

  it('keeps vendor text from running as a spreadsheet formula', () => {
    expect(toCsv(['name'], [['=HYPERLINK("http://x")'], ['+1'], ['@SUM(A1)'], ['-5']])).toBe('name\r\n"\'=HYPERLINK(""http://x"")"\r\n\'+1\r\n\'@SUM(A1)\r\n\'-5\r\n');
  });
});
