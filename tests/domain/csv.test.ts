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

  it('writes a figure that is not a number (no data, a division by zero) as an empty cell', () => {
    expect(toCsv(['rate', 'ratio', 'low'], [[Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]])).toBe('rate,ratio,low\r\n,,\r\n');
  });

  it('guards text starting with a tab or a carriage return too, and quotes a lone carriage return', () => {
    expect(toCsv(['a', 'b'], [['\tcmd', 'x\ry']])).toBe('a,b\r\n\'\tcmd,"x\ry"\r\n');
  });

  it('leaves text with a sign or @ inside it (a date, an e-mail address) as it is', () => {
    expect(toCsv(['date', 'mail'], [['2026-04-01', 'taro@example.co.jp']])).toBe('date,mail\r\n2026-04-01,taro@example.co.jp\r\n');
  });
});
