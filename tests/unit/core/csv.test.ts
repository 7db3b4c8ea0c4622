import { describe, expect, it } from 'vitest';
import { csvCell, csvTable } from '../../../src/core/csv.ts';

describe('the one CSV writer', () => {
  it('never lets a cell start a formula: = + - @ tab and carriage return get an apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}SUM(A1:A9)`)).toBe(`"'${start}SUM(A1:A9)"`);
    }
    expect(csvCell('Sam')).toBe('"Sam"');
  });

  it('keeps numbers as numbers (a negative score is not a formula) and writes nothing for null', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes text so commas, quotes and line breaks stay inside their cell', () => {
    const text = csvTable(['name', 'note'], [['Priya', 'said "no", then\nhung up'], ['Sam', 2]]);
    expect(text).toBe('"name","note"\r\n"Priya","said ""no"", then\nhung up"\r\n"Sam",2\r\n');
  });
});
