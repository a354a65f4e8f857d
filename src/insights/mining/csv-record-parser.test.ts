import { describe, expect, it } from 'vitest';
import { CsvRecordParser } from './csv-record-parser.js';

function parse(chunks: string[]): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  const parser = new CsvRecordParser('t.csv', ',', (fields, count, line) =>
    records.push({ fields: fields.slice(0, count), line }),
  );
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
  return records;
}

const TEXT = 'a,b,c\r\n1,"x, ""y""",\n2,"multi\r\nline",z\r3,,"q"';

describe('CsvRecordParser', () => {
  it('reads RFC 4180 quoting, CRLF, LF and CR line ends and a last line without a break', () => {
    expect(parse([TEXT])).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', 'x, "y"', ''], line: 2 },
      { fields: ['2', 'multi\r\nline', 'z'], line: 3 },
      { fields: ['3', '', 'q'], line: 5 },
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const whole = parse([TEXT]);
    for (let cut = 1; cut < TEXT.length; cut++) expect(parse([TEXT.slice(0, cut), TEXT.slice(cut)])).toEqual(whole);
    expect(parse([...TEXT])).toEqual(whole);
  });

  it('says where a quoted field is never closed', () => {
    expect(() => parse(['a,b\n1,"open\n2,3\n'])).toThrow(/t\.csv:2: a quoted field opened here is never closed/);
  });

  it('says where text follows a closing quote', () => {
    expect(() => parse(['a,b\n1,"x"y\n'])).toThrow(/t\.csv:2:6: the character "y" follows the closing quote/);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parse(['a,5" pipe\n'])).toEqual([{ fields: ['a', '5" pipe'], line: 1 }]);
  });
});
