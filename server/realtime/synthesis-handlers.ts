import { addTheme, mergeThemes, renameTheme, unmergeTheme } from '../../shared/domain/codebook-edits.ts';
import { clearDecision, decideTheme, rejectSuggestion, setFinding, setQuote, setSecondary } from '../../shared/domain/synthesis.ts';
import { normaliseText } from '../../shared/domain/themes/text.ts';
import { fail, ok, type Result } from '../../shared/protocol/errors.ts';
import type { Codebook } from '../../shared/schemas/codebook.ts';
import * as C from '../../shared/schemas/commands.ts';
import { emitStudy } from './binding.ts';
import { command, type AppSocket, type Command } from './command.ts';
import type { RealtimeDeps } from './deps.ts';
import { actOnSession, facilitatorSession } from './session-access.ts';
import { codebookOf, emitSynthesis, roomViewOf, themesOpen, viewOf } from './synthesis-broadcast.ts';

/** A readable, unused theme id from its name: "Vervoer en taxi" -> "vervoer-en-taxi". */
function themeIdFor(codebook: Codebook, name: string): string {
  const base = normaliseText(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'thema';
  const taken = new Set([...codebook.themes.map((t) => t.id), 'overig']);
  let id = base;
  // A theme called "Constructor" must not get an id every object already has.
  for (let n = 2; taken.has(id) || id in Object.prototype; n++) id = `${base}-${n}`;
  return id;
}

export function synthesisCommands(deps: RealtimeDeps): Record<string, Command> {
  /** Changes the study's codebook (shared by all its sessions) and answers with this session's themes. */
  async function editCodebook(socket: AppSocket, sessionId: string, edit: (codebook: Codebook) => Result<Codebook>) {
    const session = facilitatorSession(deps, socket, sessionId);
    if (!session.ok) return session;
    const study = deps.repo.studies.get(session.data.studyId)!;
    const next = edit(study.data.codebook);
    if (!next.ok) return next;
    await study.set({ ...study.data, codebook: next.data, updatedAt: deps.clock() });
    // The study overview (and its matrix) follows the codebook too, and so do the other sessions of the study.
    emitStudy(deps, study.data.id);
    for (const other of deps.repo.sessions.values()) {
      if (other.data.studyId === study.data.id && other.data.id !== sessionId) emitSynthesis(deps, other.data);
    }
    return ok(emitSynthesis(deps, deps.repo.sessions.get(sessionId)!.data));
  }

  /** Applies a synthesis rule to the session and answers with its themes. */
  const decide = <S extends Parameters<typeof actOnSession>[3]>(socket: AppSocket, sessionId: string, change: S) =>
    actOnSession(deps, socket, sessionId, change).then((result) =>
      result.ok ? ok(result.data.changed ? emitSynthesis(deps, result.data.after) : viewOf(deps, result.data.after)) : result,
    );

  return {
    // The console any time; boards and projections once the themes are everyone's (after a reload).
    'synthesis:open': command('synthesis:open', C.SynthesisOpenSchema, (input, socket) => {
      const session = facilitatorSession(deps, socket, input.sessionId);
      if (session.ok) return ok(viewOf(deps, session.data));
      const doc = deps.repo.sessions.get(input.sessionId);
      const bound = socket.data.sessionId === input.sessionId && doc;
      if (bound && themesOpen(doc.data)) return ok(roomViewOf(deps, doc.data));
      return session.error === 'forbidden' ? fail('wrong_phase', 'The themes are shown from the synthesis phase on') : session;
    }, deps),

    'synthesis:decide': command('synthesis:decide', C.SynthesisDecideSchema, (input, socket) =>
      decide(socket, input.sessionId, (s, actor, now) => decideTheme(s, actor, codebookOf(deps, s), input, now)), deps),

    'synthesis:undecide': command('synthesis:undecide', C.SynthesisUndecideSchema, (input, socket) =>
      decide(socket, input.sessionId, (s, actor, now) => clearDecision(s, actor, input.cardId, now)), deps),

    'synthesis:reject': command('synthesis:reject', C.SynthesisRejectSchema, (input, socket) =>
      decide(socket, input.sessionId, (s, actor, now) => rejectSuggestion(s, actor, input.cardId, input.themeId, now)), deps),

    'synthesis:secondary': command('synthesis:secondary', C.SynthesisSecondarySchema, (input, socket) =>
      decide(socket, input.sessionId, (s, actor, now) => setSecondary(s, actor, codebookOf(deps, s), input, now)), deps),

    'synthesis:quote': command('synthesis:quote', C.SynthesisQuoteSchema, (input, socket) =>
      decide(socket, input.sessionId, (s, actor, now) => setQuote(s, actor, input.cardId, input.quote, now)), deps),

    'synthesis:finding': command('synthesis:finding', C.SynthesisFindingSchema, (input, socket) =>
      decide(socket, input.sessionId, (s, actor, now) => setFinding(s, actor, codebookOf(deps, s), input.themeId, input.text || null, now)), deps),

    'theme:add': command('theme:add', C.ThemeAddSchema, async (input, socket) => {
      let id = '';
      const added = await editCodebook(socket, input.sessionId, (codebook) => addTheme(codebook, { id: (id = themeIdFor(codebook, input.name)), name: input.name }));
      if (!added.ok || input.cardIds.length === 0) return added;
      // A split: the chosen cards move into the new theme, as decisions.
      const moved = await actOnSession(deps, socket, input.sessionId, (s, actor, now) => {
        let session = s;
        for (const cardId of input.cardIds) {
          const step = decideTheme(session, actor, codebookOf(deps, s), { cardId, themeId: id, pinned: false }, now);
          if (!step.ok) return step;
          session = step.data.session;
        }
        return ok({ session, value: null });
      });
      return moved.ok ? ok(emitSynthesis(deps, moved.data.after)) : moved;
    }, deps),

    'theme:rename': command('theme:rename', C.ThemeRenameSchema, (input, socket) =>
      editCodebook(socket, input.sessionId, (codebook) => renameTheme(codebook, input.themeId, input.name)), deps),

    'theme:merge': command('theme:merge', C.ThemeMergeSchema, (input, socket) =>
      editCodebook(socket, input.sessionId, (codebook) => mergeThemes(codebook, input.sourceId, input.targetId)), deps),

    'theme:unmerge': command('theme:unmerge', C.ThemeUnmergeSchema, (input, socket) =>
      editCodebook(socket, input.sessionId, (codebook) => unmergeTheme(codebook, input.themeId)), deps),
  };
}
