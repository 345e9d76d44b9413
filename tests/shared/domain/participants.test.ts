import { describe, expect, it } from 'vitest';
import { addParticipant, MAX_PARTICIPANTS, updateProfile } from '../../../shared/domain/participants.ts';
import { ProfileSchema, SessionSchema, type Session } from '../../../shared/schemas/session.ts';
import { ANN, expectFail, frozen, inPhase, makeSession, T0, unwrap } from '../fixtures.ts';

const HASH = 'b'.repeat(64);
const profile = (name: string, extra: Record<string, unknown> = {}) => ProfileSchema.parse({ name, ...extra });

describe('addParticipant', () => {
  it('adds someone who joined from a device, with their token hash', () => {
    const s = frozen(makeSession({ phase: 'collecting' }));
    const change = unwrap(addParticipant(s, { id: ANN, profile: profile('Ann Jansen', { organisation: 'Gemeente Utrecht', scope: 'regionaal' }), tokenHash: HASH, addedByFacilitator: false }, T0 + 3));
    expect(change.value).toEqual({
      id: ANN,
      name: 'Ann Jansen',
      organisation: 'Gemeente Utrecht',
      scope: 'regionaal',
      region: undefined,
      consent: false,
      tokenHash: HASH,
      addedByFacilitator: false,
      joinedAt: T0 + 3,
    });
    expect(change.session.participants[ANN]).toEqual(change.value);
    expect(change.session.updatedAt).toBe(T0 + 3);
    expect(s.participants).toEqual({});
    expect(SessionSchema.safeParse(change.session).success).toBe(true);
  });

  it('adds someone the scribe added, without a token hash', () => {
    const change = unwrap(addParticipant(makeSession(), { id: ANN, profile: profile('Ann'), addedByFacilitator: true }, T0));
    expect(change.value).not.toHaveProperty('tokenHash');
    expect(change.value.addedByFacilitator).toBe(true);
  });

  it('gives the scribe the same person back on a retry', () => {
    const first = unwrap(addParticipant(makeSession(), { id: ANN, profile: profile('Ann'), addedByFacilitator: true }, T0));
    const again = unwrap(addParticipant(first.session, { id: ANN, profile: profile('Ann'), addedByFacilitator: true }, T0 + 1));
    expect(again.session).toBe(first.session);
    expect(again.value).toBe(first.value);
  });

  it('is a conflict when the id is taken otherwise', () => {
    const joined = unwrap(addParticipant(makeSession(), { id: ANN, profile: profile('Ann'), tokenHash: HASH, addedByFacilitator: false }, T0)).session;
    expectFail(addParticipant(joined, { id: ANN, profile: profile('Eve'), tokenHash: HASH, addedByFacilitator: false }, T0), 'conflict');
    expectFail(addParticipant(joined, { id: ANN, profile: profile('Eve'), addedByFacilitator: true }, T0), 'conflict');
    const added = unwrap(addParticipant(makeSession(), { id: ANN, profile: profile('Ann'), addedByFacilitator: true }, T0)).session;
    expectFail(addParticipant(added, { id: ANN, profile: profile('Eve'), tokenHash: HASH, addedByFacilitator: false }, T0), 'conflict');
  });

  it.each(['preparation', 'collecting', 'voting', 'synthesis'] as const)('admits people in %s', (phase) => {
    expect(addParticipant(makeSession({ phase }), { id: ANN, profile: profile('Ann'), addedByFacilitator: false }, T0).ok).toBe(true);
  });

  it('admits nobody to a closed session', () => {
    expectFail(addParticipant(makeSession({ phase: 'closed' }), { id: ANN, profile: profile('Ann'), addedByFacilitator: false }, T0), 'wrong_phase');
  });

  it(`admits at most ${MAX_PARTICIPANTS} people`, () => {
    let s: Session = makeSession();
    for (let i = 0; i < MAX_PARTICIPANTS; i++) {
      s = unwrap(addParticipant(s, { id: `person-${String(i).padStart(4, '0')}`, profile: profile(`P${i}`), addedByFacilitator: false }, T0)).session;
    }
    expect(Object.keys(s.participants)).toHaveLength(MAX_PARTICIPANTS);
    expectFail(addParticipant(s, { id: 'person-late', profile: profile('Laat'), addedByFacilitator: false }, T0), 'too_large');
  });
});

describe('updateProfile', () => {
  const joined = () =>
    unwrap(
      addParticipant(
        makeSession({ phase: 'collecting' }),
        { id: ANN, profile: profile('Ann', { organisation: 'Zorgkantoor', scope: 'landelijk', size: 'groot', region: 'Noord' }), tokenHash: HASH, addedByFacilitator: false },
        T0,
      ),
    ).session;

  it('replaces the profile and keeps id, token hash, origin and join time', () => {
    const s = frozen(joined());
    const change = unwrap(updateProfile(s, ANN, profile('Ann Jansen', { consent: true, region: 'Zuid' }), T0 + 60));
    expect(change.value).toMatchObject({ id: ANN, name: 'Ann Jansen', consent: true, region: 'Zuid', tokenHash: HASH, addedByFacilitator: false, joinedAt: T0 });
    expect(change.session.participants[ANN]).toEqual(change.value);
    expect(change.session.updatedAt).toBe(T0 + 60);
  });

  it('clears the optional attributes the new profile leaves out', () => {
    const updated = unwrap(updateProfile(joined(), ANN, profile('Ann'), T0)).value;
    expect(updated.organisation).toBeUndefined();
    expect(updated.scope).toBeUndefined();
    expect(updated.size).toBeUndefined();
    expect(updated.region).toBeUndefined();
    expect(JSON.parse(JSON.stringify(updated))).toEqual({ id: ANN, name: 'Ann', consent: false, tokenHash: HASH, addedByFacilitator: false, joinedAt: T0 });
  });

  it('does not find an unknown participant', () => {
    expectFail(updateProfile(joined(), 'participant-nobody', profile('X'), T0), 'not_found');
  });

  it('keeps the session storable', () => {
    const s = unwrap(updateProfile(inPhase(joined(), 'closed'), ANN, profile('Ann', { consent: true }), T0)).session;
    expect(SessionSchema.safeParse(s).success).toBe(true);
  });
});
