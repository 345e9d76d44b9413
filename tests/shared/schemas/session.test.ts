import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/schemas/common.ts';
import { CardSchema, ParticipantSchema, ProfileSchema, SessionSchema, SettingsSchema, TimerSchema } from '../../../shared/schemas/session.ts';
import { ANN, boardWithCards, makeSession } from '../fixtures.ts';

/** A stored session as JSON, the way it comes back from disk. */
const stored = () => JSON.parse(JSON.stringify(boardWithCards()));

describe('SessionSchema (what is read back from disk)', () => {
  it('accepts what the domain makes, unchanged', () => {
    const s = boardWithCards();
    expect(SessionSchema.parse(JSON.parse(JSON.stringify(s)))).toEqual(JSON.parse(JSON.stringify(s)));
  });

  it('strips unknown keys at every level', () => {
    const raw = stored();
    raw.isAdmin = true;
    raw.settings.secret = 1;
    raw.cards['card-ann-1'].authorName = 'Ann Jansen';
    raw.participants[ANN].password = 'x';
    raw.timer.extra = 2;
    const parsed = SessionSchema.parse(raw);
    expect(parsed).not.toHaveProperty('isAdmin');
    expect(parsed.settings).not.toHaveProperty('secret');
    expect(parsed.cards['card-ann-1']).not.toHaveProperty('authorName');
    expect(parsed.participants[ANN]).not.toHaveProperty('password');
    expect(parsed.timer).not.toHaveProperty('extra');
  });

  it('refuses a hostile id as a record key', () => {
    const raw = stored();
    raw.cards['../../etc/passwd'] = raw.cards['card-ann-1'];
    expect(SessionSchema.safeParse(raw).success).toBe(false);
  });

  it('refuses another schema version', () => {
    expect(SessionSchema.safeParse({ ...stored(), schemaVersion: 2 }).success).toBe(false);
  });

  it.each(['c7km3p', 'C7KM3', 'C7KM3PX', 'C7K M3', ''])('refuses join code %j', (joinCode) => {
    expect(SessionSchema.safeParse({ ...stored(), joinCode }).success).toBe(false);
  });

  it('refuses an unknown phase, and no columns or domains', () => {
    expect(SessionSchema.safeParse({ ...stored(), phase: 'brainstorm' }).success).toBe(false);
    expect(SessionSchema.safeParse({ ...stored(), columns: [] }).success).toBe(false);
    expect(SessionSchema.safeParse({ ...stored(), domains: [] }).success).toBe(false);
  });
});

describe('CardSchema', () => {
  const card = () => stored().cards['card-ann-1'];

  it('refuses oversized or blank text', () => {
    expect(CardSchema.safeParse({ ...card(), text: 'x'.repeat(LIMITS.cardText) }).success).toBe(true);
    expect(CardSchema.safeParse({ ...card(), text: 'x'.repeat(LIMITS.cardText + 1) }).success).toBe(false);
    expect(CardSchema.safeParse({ ...card(), text: ' ' }).success).toBe(false);
  });

  it('bounds hand-counted votes', () => {
    expect(CardSchema.safeParse({ ...card(), handVotes: LIMITS.handVotes }).success).toBe(true);
    expect(CardSchema.safeParse({ ...card(), handVotes: LIMITS.handVotes + 1 }).success).toBe(false);
    expect(CardSchema.safeParse({ ...card(), handVotes: -1 }).success).toBe(false);
  });

  it('refuses an author of an unknown kind, or a participant author without a valid id', () => {
    expect(CardSchema.safeParse({ ...card(), author: { kind: 'admin' } }).success).toBe(false);
    expect(CardSchema.safeParse({ ...card(), author: { kind: 'participant', participantId: '..' } }).success).toBe(false);
  });

  it('refuses a hostile mergedInto', () => {
    expect(CardSchema.safeParse({ ...card(), mergedInto: '../x' }).success).toBe(false);
  });
});

describe('SettingsSchema', () => {
  const settings = () => makeSession().settings;

  it.each([
    ['votesPerParticipant', 0, false],
    ['votesPerParticipant', 1, true],
    ['votesPerParticipant', LIMITS.votesPerParticipant, true],
    ['votesPerParticipant', LIMITS.votesPerParticipant + 1, false],
    ['votesPerParticipant', 2.5, false],
    ['maxVotesPerCard', 0, false],
    ['maxVotesPerCard', LIMITS.maxVotesPerCard + 1, false],
  ] as const)('%s = %s -> %s', (key, value, valid) => {
    expect(SettingsSchema.safeParse({ ...settings(), [key]: value }).success).toBe(valid);
  });

  it('needs every setting when stored', () => {
    const { anonymousVotes: _a, ...incomplete } = settings();
    expect(SettingsSchema.safeParse(incomplete).success).toBe(false);
  });
});

describe('TimerSchema', () => {
  it('bounds stored times to twice the longest start', () => {
    const max = LIMITS.timerMs * 2;
    expect(TimerSchema.safeParse({ durationMs: max, endsAt: null, remainingMs: max }).success).toBe(true);
    expect(TimerSchema.safeParse({ durationMs: max + 1, endsAt: null, remainingMs: 0 }).success).toBe(false);
    expect(TimerSchema.safeParse({ durationMs: 0, endsAt: null, remainingMs: -1 }).success).toBe(false);
  });
});

describe('ProfileSchema and ParticipantSchema', () => {
  it('need only a name; consent defaults to no; empty optional text becomes absent', () => {
    expect(ProfileSchema.parse({ name: '  Ann  ', organisation: '  ', region: '' })).toEqual({
      name: 'Ann',
      organisation: undefined,
      region: undefined,
      consent: false,
    });
    expect(ProfileSchema.safeParse({}).success).toBe(false);
    expect(ProfileSchema.safeParse({ name: 'n'.repeat(LIMITS.name + 1) }).success).toBe(false);
  });

  it('refuses unknown scopes and sizes', () => {
    expect(ProfileSchema.safeParse({ name: 'Ann', scope: 'internationaal' }).success).toBe(false);
    expect(ProfileSchema.safeParse({ name: 'Ann', size: 'enorm' }).success).toBe(false);
    expect(ProfileSchema.parse({ name: 'Ann', scope: 'landelijk', size: 'middelgroot' })).toMatchObject({ scope: 'landelijk', size: 'middelgroot' });
  });

  it('a stored participant may carry only a sha256 hex token hash', () => {
    const p = { id: ANN, name: 'Ann', consent: false, addedByFacilitator: false, joinedAt: 1 };
    expect(ParticipantSchema.safeParse({ ...p, tokenHash: 'a'.repeat(64) }).success).toBe(true);
    expect(ParticipantSchema.safeParse({ ...p, tokenHash: 'the-token-itself' }).success).toBe(false);
    expect(ParticipantSchema.safeParse({ ...p, tokenHash: 'A'.repeat(64) }).success).toBe(false);
  });
});
