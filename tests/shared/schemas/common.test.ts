import { describe, expect, it } from 'vitest';
import { DateSchema, IdSchema, optionalText, text } from '../../../shared/schemas/common.ts';

describe('IdSchema', () => {
  it.each([
    ['8 characters', 'abcdefgh'],
    ['64 characters', 'a'.repeat(64)],
    ['all allowed classes', 'AZaz09_-'],
    ['a nanoid', 'V1StGXR8_Z5jdHi6B-myT'],
  ])('accepts %s', (_label, id) => {
    expect(IdSchema.safeParse(id).success).toBe(true);
  });

  // Ids become file names; nothing here may ever name a path outside its folder.
  it.each([
    ['parent path', '../etc/passwd'],
    ['dot-dot', '..'],
    ['dot', '.'],
    ['slash', 'a/b'],
    ['long enough, with a slash', 'abcd/efgh'],
    ['backslash', 'abcd\\efgh'],
    ['dot-dot padded to length', '........'],
    ['parent of a long name', '../../../../sessions'],
    ['file extension', 'abcdefgh.json'],
    ['absolute path', '/etc/passwd'],
    ['windows drive', 'C:\\Windows'],
    ['url encoded slash', 'abcd%2Fefgh'],
    ['empty', ''],
    ['7 characters', 'abcdefg'],
    ['65 characters', 'a'.repeat(65)],
    ['accented letter', 'identité1'],
    ['dotless i', 'ıdentity1'],
    ['cyrillic look-alike', 'аbcdefgh'],
    ['full-width letters', 'ａｂｃｄｅｆｇｈ'],
    ['emoji', 'abcdefg😀'],
    ['zero-width space', 'abcd\u200befgh'],
    ['NUL byte', 'abcdefgh\u0000'],
    ['trailing newline', 'abcdefgh\n'],
    ['leading newline', '\nabcdefgh'],
    ['space', 'abcd efgh'],
    ['leading space', ' abcdefgh'],
    ['colon', 'abcd:efgh'],
    ['tilde', '~abcdefgh'],
  ])('refuses %s (%j)', (_label, id) => {
    expect(IdSchema.safeParse(id).success).toBe(false);
  });

  // Ids are keys of plain records: an inherited name would look up the prototype's member.
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable'])(
    'refuses the built-in property name %s',
    (id) => {
      expect(IdSchema.safeParse(id).success).toBe(false);
    },
  );

  it.each([12345678, null, undefined, ['abcdefgh'], { id: 'abcdefgh' }, true])('refuses a non-string %j', (value) => {
    expect(IdSchema.safeParse(value).success).toBe(false);
  });
});

describe('text', () => {
  const schema = text(10);

  it('trims and keeps inner whitespace', () => {
    expect(schema.parse('  a  b  ')).toBe('a  b');
  });

  it('refuses blank text', () => {
    for (const blank of ['', ' ', '\n\t ']) expect(schema.safeParse(blank).success).toBe(false);
  });

  it('counts the length after trimming', () => {
    expect(schema.parse('   ' + 'x'.repeat(10) + '   ')).toBe('x'.repeat(10));
    expect(schema.safeParse('x'.repeat(11)).success).toBe(false);
  });
});

describe('optionalText', () => {
  const schema = optionalText(5);

  it('turns empty and blank text into undefined', () => {
    expect(schema.parse('')).toBeUndefined();
    expect(schema.parse('   ')).toBeUndefined();
    expect(schema.parse(undefined)).toBeUndefined();
  });

  it('trims and bounds the rest', () => {
    expect(schema.parse(' abc ')).toBe('abc');
    expect(schema.safeParse('abcdef').success).toBe(false);
  });
});

describe('DateSchema', () => {
  it('accepts an ISO calendar date', () => {
    expect(DateSchema.parse('2025-11-20')).toBe('2025-11-20');
  });

  it.each(['20-11-2025', '2025-1-2', '2025/11/20', '2025-11-20T10:00:00Z', '', ' 2025-11-20', '2025-11-20\n'])('refuses %j', (date) => {
    expect(DateSchema.safeParse(date).success).toBe(false);
  });
});
