import { z } from 'zod';
import { createSession } from '../../shared/domain/session-factory.ts';
import { ok } from '../../shared/protocol/errors.ts';
import { SessionCreateSchema, StudyRenameSchema, StudyReportSettingsSchema } from '../../shared/schemas/commands.ts';
import { domainCtx, type RealtimeDeps } from './deps.ts';
import { command, type Command } from './command.ts';
import { emitStudy, sessionSummary, studyOf, studyView, uniqueJoinCode } from './binding.ts';
import { rooms } from './rooms.ts';
import { matrixOf } from './study-matrix-feed.ts';

export function studyCommands(deps: RealtimeDeps): Record<string, Command> {
  return {
    'study:open': command('study:open', z.object({}), (_input, socket) => {
      const study = studyOf(deps, socket);
      if (!study.ok) return study;
      socket.join(rooms.study(study.data.id));
      return ok(studyView(deps, study.data));
    }, deps),

    'study:matrix': command('study:matrix', z.object({}), (_input, socket) => {
      const study = studyOf(deps, socket);
      if (!study.ok) return study;
      return ok(matrixOf(deps.repo, study.data));
    }, deps),

    'study:rename': command('study:rename', StudyRenameSchema, async (input, socket) => {
      const study = studyOf(deps, socket);
      if (!study.ok) return study;
      const doc = deps.repo.studies.get(study.data.id)!;
      await doc.set({ ...doc.data, title: input.title, updatedAt: deps.clock() });
      emitStudy(deps, study.data.id);
      return ok(studyView(deps, doc.data));
    }, deps),

    'study:report-settings': command('study:report-settings', StudyReportSettingsSchema, async (input, socket) => {
      const study = studyOf(deps, socket);
      if (!study.ok) return study;
      const doc = deps.repo.studies.get(study.data.id)!;
      const reportSettings = { ...doc.data.reportSettings, ...input };
      await doc.set({ ...doc.data, reportSettings, updatedAt: deps.clock() });
      return ok(reportSettings);
    }, deps),

    'session:create': command('session:create', SessionCreateSchema, async (input, socket) => {
      const study = studyOf(deps, socket);
      if (!study.ok) return study;
      const code = uniqueJoinCode(deps.joinCodes);
      const session = createSession(input, study.data.id, code, domainCtx(deps));
      deps.joinCodes.set(code, session.id);
      try {
        await deps.repo.createSession(session);
      } catch (error) {
        deps.joinCodes.delete(code);
        throw error;
      }
      const doc = deps.repo.studies.get(study.data.id)!;
      await doc.set({ ...doc.data, sessionIds: [...doc.data.sessionIds, session.id], updatedAt: deps.clock() });
      emitStudy(deps, study.data.id);
      return ok(sessionSummary(session));
    }, deps),
  };
}
