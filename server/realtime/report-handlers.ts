import { z } from 'zod';
import { applyReportEdit, undoReportEdit } from '../../shared/domain/report/document-edits.ts';
import { ok, type Result } from '../../shared/protocol/errors.ts';
import type { ReportDocumentInfo } from '../../shared/protocol/views.ts';
import { ReportEditSchema, type ReportDocument } from '../../shared/schemas/report-document.ts';
import { command, type AppSocket, type Command } from './command.ts';
import { studyOf } from './binding.ts';
import type { RealtimeDeps } from './deps.ts';
import { rooms } from './rooms.ts';

const info = (doc: ReportDocument): ReportDocumentInfo => ({ version: doc.version, undoSteps: doc.undo.length, undoLabel: doc.undo.at(-1)?.label ?? null });

/**
 * The analyst's report document (chapters, edited sections, quote places, cover), one per study.
 * Every change is stored before it is acked and then announced to the study's other editors, who
 * fetch the report again. Facilitator key only, like every study command.
 */
export function reportCommands(deps: RealtimeDeps): Record<string, Command> {
  async function change(socket: AppSocket, step: (doc: ReportDocument) => Result<ReportDocument>): Promise<Result<ReportDocumentInfo>> {
    const study = studyOf(deps, socket);
    if (!study.ok) return study;
    const doc = deps.repo.studies.get(study.data.id)!;
    const next = step(doc.data.report);
    if (!next.ok) return next;
    if (next.data === doc.data.report) return ok(info(next.data));
    await doc.set({ ...doc.data, report: next.data, updatedAt: deps.clock() });
    socket.to(rooms.study(study.data.id)).emit('report:updated', info(next.data));
    return ok(info(next.data));
  }

  return {
    'report:edit': command('report:edit', ReportEditSchema, (edit, socket) => change(socket, (doc) => applyReportEdit(doc, edit, deps.clock())), deps),
    'report:undo': command('report:undo', z.object({}), (_input, socket) => change(socket, undoReportEdit), deps),
  };
}
