import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../shared/domain/report/types.ts';
import { connectClient, createStudy, send, sendOk, startServer, uid, type ClientSocket, type TestServer } from '../helpers.ts';
import { closeAll } from '../session-helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** A study with a closed poll counted by hand: 596 / 276 / 128 of 1,000 (59.6 / 27.6 / 12.8 %). */
async function studyWithPoll() {
  const auth = await createStudy(server.url);
  const facilitator = await connectClient(server.url, auth);
  const { id: sessionId } = await sendOk(facilitator, 'session:create', { title: 'Werksessie Wlz', date: '2025-11-20', mode: 'fysiek', domains: ['Wlz'] });
  await sendOk(facilitator, 'session:open', { sessionId, view: 'console' });
  await sendOk(facilitator, 'session:phase', { sessionId, phase: 'collecting' });
  const pollId = uid();
  await sendOk(facilitator, 'poll:create', { sessionId, id: pollId, question: 'Zijn de tarieven kostendekkend?', kind: 'single', options: ['Ja', 'Nee', 'Deels'] });
  await sendOk(facilitator, 'poll:open', { sessionId, pollId });
  await sendOk(facilitator, 'poll:handcount', { sessionId, pollId, counts: { 'option-1': 596, 'option-2': 276, 'option-3': 128 } });
  await sendOk(facilitator, 'poll:close', { sessionId, pollId });
  return { auth, facilitator };
}

const report = async (auth: { studyId: string; key: string }, format = 'report') => {
  const response = await fetch(`${server.url}/api/studies/${auth.studyId}/${format}`, { headers: { authorization: `Bearer ${auth.key}` } });
  expect(response.status).toBe(200);
  return response;
};
const percents = async (auth: { studyId: string; key: string }) => {
  const model = (await (await report(auth)).json()) as ReportModel;
  const figures = model.figureBlocks[0]!.figures;
  return { rules: model.figureRules, percents: figures.kind === 'choice' ? figures.categories.map((c) => c.percent) : [] };
};

describe('study:report-settings', () => {
  it('rounds to 100 by default, and each answer on its own once chosen; the documents say which', async () => {
    const { auth, facilitator } = await studyWithPoll();
    try {
      expect(await percents(auth)).toEqual({ rules: { rounding: 'largest-remainder', smallGroup: 10 }, percents: [60, 27, 13] });
      expect(await (await report(auth, 'report.md')).text()).toContain('volgens de methode van de grootste resten, zodat ze optellen tot 100');

      expect(await sendOk(facilitator, 'study:report-settings', { rounding: 'plain' })).toEqual({ rounding: 'plain', smallGroup: 10 });
      expect(await percents(auth)).toEqual({ rules: { rounding: 'plain', smallGroup: 10 }, percents: [60, 28, 13] });
      expect(await (await report(auth, 'report.md')).text()).toContain('tellen daardoor niet altijd op tot 100');
      // One setting at a time: the other stays.
      expect(await sendOk(facilitator, 'study:report-settings', { smallGroup: 25 })).toEqual({ rounding: 'plain', smallGroup: 25 });
      expect(server.repo.studies.get(auth.studyId)!.data.reportSettings).toEqual({ rounding: 'plain', smallGroup: 25 });
    } finally {
      closeAll(facilitator);
    }
  });

  it('refuses bad settings and anyone without the key, changing nothing', async () => {
    const { auth, facilitator } = await studyWithPoll();
    const stranger = await connectClient(server.url);
    const other = await connectClient(server.url, await createStudy(server.url, 'Een ander onderzoek'));
    try {
      const before = structuredClone(server.repo.studies.get(auth.studyId)!.data);
      for (const payload of [{ rounding: 'afgerond' }, { smallGroup: -1 }, { smallGroup: 2.5 }, { smallGroup: 5000 }, { rounding: null }]) {
        expect(await send(facilitator, 'study:report-settings', payload as never), JSON.stringify(payload)).toMatchObject({ ok: false, error: 'invalid_payload' });
      }
      expect(await send(stranger, 'study:report-settings', { rounding: 'plain' })).toMatchObject({ ok: false, error: 'unauthorised' });
      // Another study's facilitator changes only their own study.
      await sendOk(other, 'study:report-settings', { rounding: 'plain' });
      expect(server.repo.studies.get(auth.studyId)!.data).toEqual(before);
      expect(await percents(auth)).toMatchObject({ percents: [60, 27, 13] });
    } finally {
      closeAll(facilitator, stranger, other);
    }
  });
});
