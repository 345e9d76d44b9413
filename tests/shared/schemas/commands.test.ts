import { describe, expect, it } from 'vitest';
import {
  CardAddSchema,
  CardEditSchema,
  CardMergeSchema,
  HandVotesSchema,
  ProfileUpdateSchema,
  SessionCreateSchema,
  SessionJoinSchema,
  SessionOpenSchema,
  SessionResumeSchema,
  SessionUpdateSchema,
  TimerControlSchema,
  VoteCastSchema,
} from '../../../shared/schemas/commands.ts';
import { LIMITS } from '../../../shared/schemas/common.ts';

const sessionId = 'session-0001';
const cardAdd = { sessionId, id: 'card-0001', columnId: 'column-0001', text: 'Goede samenwerking' };

describe('unknown keys are stripped', () => {
  it('from a card:add payload, so a client cannot set stored fields', () => {
    const parsed = CardAddSchema.parse({
      ...cardAdd,
      author: { kind: 'facilitator' },
      handVotes: 500,
      deletedAt: null,
      mergedInto: 'card-0002',
      createdAt: 0,
    });
    expect(parsed).toEqual({ ...cardAdd, domain: null, anonymous: false });
  });

  it('from nested objects', () => {
    const parsed = CardAddSchema.parse({ ...cardAdd, attribution: { kind: 'room', participantId: 'participant-1', extra: 1 } });
    expect(parsed.attribution).toEqual({ kind: 'room' });
  });

  it('from a profile, so a participant cannot set their token hash or origin', () => {
    const parsed = ProfileUpdateSchema.parse({
      sessionId,
      profile: { name: 'Ann', tokenHash: 'c'.repeat(64), addedByFacilitator: true, id: 'someone-else', joinedAt: 0 },
    });
    expect(parsed.profile).toEqual({ name: 'Ann', consent: false });
  });

  it('including __proto__ from parsed JSON, without touching prototypes', () => {
    const parsed = VoteCastSchema.parse(JSON.parse(`{"sessionId":"${sessionId}","id":"vote-0001","cardId":"card-0001","__proto__":{"polluted":true}}`));
    expect(Object.keys(parsed).sort()).toEqual(['cardId', 'id', 'sessionId']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('card text', () => {
  const long = 'x'.repeat(LIMITS.cardText);

  it.each([
    ['card:add', (t: string) => CardAddSchema.safeParse({ ...cardAdd, text: t })],
    ['card:edit', (t: string) => CardEditSchema.safeParse({ sessionId, id: 'card-0001', text: t })],
    ['card:merge', (t: string) => CardMergeSchema.safeParse({ sessionId, targetId: 'card-0001', sourceIds: ['card-0002'], text: t })],
  ])('%s takes up to the limit and refuses more, or blank', (_label, parse) => {
    expect(parse(long).success).toBe(true);
    expect(parse(long + 'x').success).toBe(false);
    expect(parse('x'.repeat(100_000)).success).toBe(false);
    expect(parse('   ').success).toBe(false);
    expect(parse('').success).toBe(false);
  });

  it('is trimmed', () => {
    expect(CardAddSchema.parse({ ...cardAdd, text: '  Goed  \n' }).text).toBe('Goed');
  });

  it('a card must have text', () => {
    const { text: _t, ...withoutText } = cardAdd;
    expect(CardAddSchema.safeParse(withoutText).success).toBe(false);
  });
});

describe('ids in commands pass IdSchema', () => {
  it.each(['../etc/passwd', '..', 'a/b', '', 'a'.repeat(65), 'kaart-ü-0001'])('refuses %j as session, card, column and source id', (bad) => {
    expect(CardAddSchema.safeParse({ ...cardAdd, sessionId: bad }).success).toBe(false);
    expect(CardAddSchema.safeParse({ ...cardAdd, id: bad }).success).toBe(false);
    expect(CardAddSchema.safeParse({ ...cardAdd, columnId: bad }).success).toBe(false);
    expect(CardMergeSchema.safeParse({ sessionId, targetId: 'card-0001', sourceIds: ['card-0002', bad] }).success).toBe(false);
    expect(CardAddSchema.safeParse({ ...cardAdd, attribution: { kind: 'participant', participantId: bad } }).success).toBe(false);
    expect(SessionResumeSchema.safeParse({ sessionId, participantId: bad, token: 'a'.repeat(22) }).success).toBe(false);
  });
});

describe('card:add', () => {
  it('defaults to no domain and not anonymous', () => {
    expect(CardAddSchema.parse(cardAdd)).toMatchObject({ domain: null, anonymous: false });
  });

  it('refuses an unknown attribution kind', () => {
    expect(CardAddSchema.safeParse({ ...cardAdd, attribution: { kind: 'everyone' } }).success).toBe(false);
    expect(CardAddSchema.safeParse({ ...cardAdd, attribution: { kind: 'participant' } }).success).toBe(false);
  });

  it('refuses a domain name longer than the limit', () => {
    expect(CardAddSchema.safeParse({ ...cardAdd, domain: 'd'.repeat(LIMITS.domainName + 1) }).success).toBe(false);
  });
});

describe('card:merge', () => {
  it('takes 1 to 50 sources', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `card-${String(i).padStart(4, '0')}`);
    expect(CardMergeSchema.safeParse({ sessionId, targetId: 'card-target', sourceIds: [] }).success).toBe(false);
    expect(CardMergeSchema.safeParse({ sessionId, targetId: 'card-target', sourceIds: ids(50) }).success).toBe(true);
    expect(CardMergeSchema.safeParse({ sessionId, targetId: 'card-target', sourceIds: ids(51) }).success).toBe(false);
  });
});

describe('card:hand-votes', () => {
  it.each([
    [0, true],
    [LIMITS.handVotes, true],
    [LIMITS.handVotes + 1, false],
    [-1, false],
    [1.5, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    ['3', false],
  ])('count %j -> %s', (count, valid) => {
    expect(HandVotesSchema.safeParse({ sessionId, id: 'card-0001', count }).success).toBe(valid);
  });
});

describe('timer:control', () => {
  it.each([
    [{ action: 'start', ms: 1000 }, true],
    [{ action: 'start', ms: LIMITS.timerMs }, true],
    [{ action: 'start', ms: 999 }, false],
    [{ action: 'start', ms: LIMITS.timerMs + 1 }, false],
    [{ action: 'start' }, false],
    [{ action: 'add', ms: -LIMITS.timerMs }, true],
    [{ action: 'add', ms: LIMITS.timerMs }, true],
    [{ action: 'add', ms: LIMITS.timerMs + 1 }, false],
    [{ action: 'add', ms: 1.5 }, false],
    [{ action: 'pause' }, true],
    [{ action: 'resume' }, true],
    [{ action: 'reset' }, true],
    [{ action: 'stop' }, false],
  ])('%j -> %s', (command, valid) => {
    expect(TimerControlSchema.safeParse({ sessionId, ...command }).success).toBe(valid);
  });

  it('strips a time from actions that take none', () => {
    expect(TimerControlSchema.parse({ sessionId, action: 'pause', ms: 5000 })).toEqual({ sessionId, action: 'pause' });
  });
});

describe('session:create and session:update', () => {
  const create = { title: 'Evaluatie', date: '2025-11-20', mode: 'digitaal', domains: ['Wmo'] };

  it('need one to twelve domains and at most eight columns', () => {
    expect(SessionCreateSchema.safeParse(create).success).toBe(true);
    expect(SessionCreateSchema.safeParse({ ...create, domains: [] }).success).toBe(false);
    expect(SessionCreateSchema.safeParse({ ...create, domains: Array.from({ length: 13 }, (_, i) => `D${i}`) }).success).toBe(false);
    expect(SessionCreateSchema.safeParse({ ...create, columns: Array.from({ length: 8 }, (_, i) => `K${i}`) }).success).toBe(true);
    expect(SessionCreateSchema.safeParse({ ...create, columns: Array.from({ length: 9 }, (_, i) => `K${i}`) }).success).toBe(false);
    expect(SessionCreateSchema.safeParse({ ...create, columns: [] }).success).toBe(false);
  });

  it('refuse an unknown mode and bad settings', () => {
    expect(SessionCreateSchema.safeParse({ ...create, mode: 'hybride' }).success).toBe(false);
    expect(SessionCreateSchema.safeParse({ ...create, settings: { votesPerParticipant: 0 } }).success).toBe(false);
    expect(SessionCreateSchema.safeParse({ ...create, settings: { maxVotesPerCard: LIMITS.maxVotesPerCard + 1 } }).success).toBe(false);
    expect(SessionUpdateSchema.safeParse({ sessionId, settings: { hideUntilReveal: 'yes' } }).success).toBe(false);
  });

  it('take partial settings and strip unknown ones', () => {
    expect(SessionUpdateSchema.parse({ sessionId, settings: { anonymousVotes: false, isAdmin: true } }).settings).toEqual({ anonymousVotes: false });
  });

  it('session:update refuses columns with hostile ids', () => {
    expect(SessionUpdateSchema.safeParse({ sessionId, columns: [{ id: '../x', title: 'K' }] }).success).toBe(false);
  });
});

describe('session:open, session:join and session:resume', () => {
  it('open defaults to the console view and knows only console and projection', () => {
    expect(SessionOpenSchema.parse({ sessionId }).view).toBe('console');
    expect(SessionOpenSchema.safeParse({ sessionId, view: 'board' }).success).toBe(false);
  });

  it('join trims the code and bounds it', () => {
    expect(SessionJoinSchema.parse({ code: ' c7k-m3p ', profile: { name: 'Ann' } }).code).toBe('c7k-m3p');
    expect(SessionJoinSchema.safeParse({ code: '   ', profile: { name: 'Ann' } }).success).toBe(false);
    expect(SessionJoinSchema.safeParse({ code: 'x'.repeat(21), profile: { name: 'Ann' } }).success).toBe(false);
    expect(SessionJoinSchema.safeParse({ code: 'C7KM3P', profile: { name: ' ' } }).success).toBe(false);
  });

  it.each([
    ['a'.repeat(22), true],
    ['a'.repeat(64), true],
    ['a'.repeat(21), false],
    ['a'.repeat(65), false],
    ['a'.repeat(21) + '=', false],
    ['a'.repeat(21) + '/', false],
  ])('resume token %j -> %s', (token, valid) => {
    expect(SessionResumeSchema.safeParse({ sessionId, participantId: 'participant-1', token }).success).toBe(valid);
  });
});
