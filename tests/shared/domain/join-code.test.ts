import { describe, expect, it } from 'vitest';
import { formatJoinCode, isJoinCodeShape, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normaliseJoinCode } from '../../../shared/domain/join-code.ts';
import { SessionSchema } from '../../../shared/schemas/session.ts';
import { makeSession } from '../fixtures.ts';

describe('normaliseJoinCode', () => {
  it.each([
    ['C7KM3P', 'C7KM3P'],
    ['c7km3p', 'C7KM3P'],
    ['c7k-m3p', 'C7KM3P'],
    ['C7K M3P', 'C7KM3P'],
    ['  c7k  m3p \n', 'C7KM3P'],
    ['c\t7-k m-3p', 'C7KM3P'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normaliseJoinCode(input)).toBe(expected);
  });

  it('keeps other characters, so shape checks can refuse them', () => {
    expect(normaliseJoinCode('c7k.m3p')).toBe('C7K.M3P');
    expect(isJoinCodeShape(normaliseJoinCode('c7k.m3p'))).toBe(false);
  });
});

describe('formatJoinCode', () => {
  it('splits the code into two groups of three', () => {
    expect(formatJoinCode('C7KM3P')).toBe('C7K M3P');
  });

  it('round-trips through normalisation', () => {
    for (const code of ['C7KM3P', '333333', 'YXTRPN']) expect(normaliseJoinCode(formatJoinCode(code))).toBe(code);
  });
});

describe('isJoinCodeShape', () => {
  it.each(['C7KM3P', '346797', 'YYYYYY', 'CFHKMN'])('accepts %s', (code) => {
    expect(isJoinCodeShape(code)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['too short', 'C7KM3'],
    ['too long', 'C7KM3PX'],
    ['lower case (not normalised)', 'c7km3p'],
    ['with a space (not normalised)', 'C7K M3P'],
    ['a look-alike letter O', 'C7KM3O'],
    ['a digit 0', 'C7KM30'],
    ['a vowel', 'C7KM3A'],
    ['unicode', 'C7KM3É'],
    ['hostile', '../../'],
  ])('refuses %s', (_label, code) => {
    expect(isJoinCodeShape(code)).toBe(false);
  });
});

describe('the alphabet', () => {
  it('has unique characters and makes codes the session schema accepts', () => {
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
    expect(JOIN_CODE_LENGTH).toBe(6);
    const session = makeSession();
    for (const c of JOIN_CODE_ALPHABET) {
      const code = c.repeat(JOIN_CODE_LENGTH);
      expect(isJoinCodeShape(code)).toBe(true);
      expect(SessionSchema.safeParse({ ...session, joinCode: code }).success).toBe(true);
    }
  });

  it('leaves out characters that are easily confused when read aloud or typed', () => {
    for (const c of '0ODQ1ILJ2Z5S8BGUVW') expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });

  it('leaves out the vowels, so codes do not spell words', () => {
    for (const c of 'AEIOU') expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });
});
