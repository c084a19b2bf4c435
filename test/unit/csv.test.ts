/** CSV cells for Excel: quoted when they hold a comma, a quote or a line break; never taken for a formula. */
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../functions/usecases/export';

describe('a CSV cell', () => {
  it('stays as it is when nothing in it needs quoting', () => {
    expect(csvCell('八宝镇')).toBe('八宝镇');
    expect(csvCell('138****1234')).toBe('138****1234');
  });

  it('is quoted, with its quotes doubled, when it holds a comma, a quote or a line break', () => {
    expect(csvCell('土地,草场')).toBe('"土地,草场"');
    expect(csvCell('他说"不行"')).toBe('"他说""不行"""');
    expect(csvCell('第一行\r\n第二行')).toBe('"第一行\r\n第二行"');
  });

  it('never starts with what Excel reads as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    for (const lead of ['+', '-', '@']) expect(csvCell(`${lead}1+1`)).toBe(`'${lead}1+1`);
  });
});
