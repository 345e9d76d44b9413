import { dirname, join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFiles, documentPath, isLeftoverFile, parseDocumentFileName, parseStoredDocumentName } from '../../../server/storage/paths.ts';

const root = resolve('/srv/werksessie/data');

describe('documentPath', () => {
  it.each([
    ['../x'],
    ['..'],
    ['.'],
    ['a/b'],
    ['a\\b'],
    ['%2e%2e'],
    ['%2e%2e%2fetc%2fpasswd'],
    [''],
    ['x'.repeat(65)],
    ['é'],
    ['caf\u00e9-123456'],
    ['abcdefgh\u0000'],
    ['\u0000'],
    ['abcdefgh\n'],
    [' abcdefgh'],
    ['abcdefg'],
    ['../../../../etc/passwd'],
    ['/etc/passwd'],
    ['C:\\Windows\\x'],
    ['abcdefgh/../../x'],
    ['abcdefgh.json'],
    ['ａｂｃｄｅｆｇｈ'],
    // Valid characters, but they name prototype members when used as record keys.
    ['__proto__'],
    ['constructor'],
  ])('refuses the hostile id %j', (id) => {
    for (const kind of ['study', 'session'] as const) expect(() => documentPath(root, kind, id)).toThrow(/Unsafe document id/);
  });

  it.each([[null], [undefined], [12345678], [{ toString: () => 'abcdefgh' }], [['abcdefgh']]])('refuses the non-string id %j', (id) => {
    expect(() => documentPath(root, 'session', id as never)).toThrow();
  });

  it.each([['abcdefgh'], ['x'.repeat(64)], ['V1StGXR8_Z5jdHi6B-myT'], ['0123456789'], ['__-__-__']])('keeps the valid id %j inside the folder', (id) => {
    for (const kind of ['study', 'session'] as const) {
      const path = documentPath(root, kind, id);
      expect(path).toBe(join(root, `${kind}-${id}.json`));
      expect(dirname(path)).toBe(root);
      expect(path.startsWith(root + sep)).toBe(true);
    }
  });

  it('resolves a relative data folder against the working directory', () => {
    expect(documentPath('data', 'session', 'abcdefgh')).toBe(resolve('data', 'session-abcdefgh.json'));
  });
});

describe('parseDocumentFileName', () => {
  it.each([
    ['study-abcdefgh.json', { kind: 'study', id: 'abcdefgh' }],
    ['session-V1StGXR8_Z5jdHi6B-myT.json', { kind: 'session', id: 'V1StGXR8_Z5jdHi6B-myT' }],
    ['session-abc.json', null],
    ['session-abcdefgh.json.bak', null],
    ['session-abcdefgh.tmp', null],
    ['notes.txt', null],
    ['.session-abcdefgh.json', null],
    ['session-abcdefgh.json.123456789', null],
    ['user-abcdefgh.json', null],
    ['session-abc.defgh.json', null],
  ])('%s -> %j', (name, expected) => {
    expect(parseDocumentFileName(name)).toEqual(expected);
  });
});

describe('the files of a document beside its snapshot', () => {
  it('are named after the snapshot, and a hostile id is refused for all of them', () => {
    expect(documentFiles(root, 'session', 'abcdefgh')).toEqual({
      snapshot: join(root, 'session-abcdefgh.json'),
      journal: join(root, 'session-abcdefgh.journal'),
      previous: join(root, 'session-abcdefgh.json.prev'),
      previousJournal: join(root, 'session-abcdefgh.journal.prev'),
      corrupt: join(root, 'session-abcdefgh.json.corrupt'),
    });
    expect(() => documentFiles(root, 'study', '../../etc')).toThrow(/Unsafe document id/);
  });

  it.each([
    ['session-abcdefgh.json', { kind: 'session', id: 'abcdefgh' }],
    ['study-abcdefgh.json.prev', { kind: 'study', id: 'abcdefgh' }],
    ['session-abcdefgh.journal', null],
    ['session-abcdefgh.journal.prev', null],
    ['session-abcdefgh.json.corrupt', null],
    ['session-abc.json.prev', null],
    ['session-abcdefgh.json.prev.tmp', null],
  ])('a document to load: %s -> %j', (name, expected) => {
    expect(parseStoredDocumentName(name)).toEqual(expected);
  });

  it.each([
    ['session-abcdefgh.json.123456789', true],
    ['study-abcdefgh.json.prev.tmp', true],
    ['session-abcdefgh.json', false],
    ['session-abcdefgh.json.prev', false],
    ['session-abcdefgh.journal.prev', false],
    ['session-abcdefgh.json.corrupt', false],
    ['notes.txt.123', false],
    ['session-abc.json.123', false],
  ])('a leftover of an interrupted write: %s -> %s', (name, expected) => {
    expect(isLeftoverFile(name)).toBe(expected);
  });
});
