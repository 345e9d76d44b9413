import { describe, expect, it } from 'vitest';
import { addTheme, renameTheme } from '../../../../shared/domain/codebook-edits.ts';
import { studyMatrix } from '../../../../shared/domain/study-matrix.ts';
import { synthesisView } from '../../../../shared/domain/synthesis-view.ts';
import { DEFAULT_CODEBOOK, UNSORTED_THEME_ID } from '../../../../shared/domain/themes/default-codebook.ts';
import { isBuiltinTheme, themeLabel, withThemeLabels } from '../../../../shared/domain/themes/theme-names.ts';
import { CodebookSchema } from '../../../../shared/schemas/codebook.ts';
import type { Session } from '../../../../shared/schemas/session.ts';
import { ANN, makeSession, participant, unwrap, withCard, withParticipant } from '../../fixtures.ts';

const builtins = [...DEFAULT_CODEBOOK.themes.map((t) => ({ id: t.id, label: t.name })), { id: UNSORTED_THEME_ID, label: 'Overig' }];

function sessionWith(texts: string[]): Session {
  let s = withParticipant({ ...makeSession({ phase: 'collecting', domains: ['Wlz'] }), id: 'session-names' }, ANN, 'Ann');
  texts.forEach((text, i) => (s = withCard(s, participant(ANN), { id: `card-name-${i}`, text, domain: null }).session));
  return { ...s, phase: 'synthesis' };
}

describe('themeLabel', () => {
  it('gives every built-in theme, Overig too, an English name of its own and keeps the Dutch name in Dutch', () => {
    const english = builtins.map((t) => themeLabel(t, 'en'));
    expect(new Set(english).size).toBe(builtins.length);
    builtins.forEach((t, i) => {
      expect(themeLabel(t, 'nl')).toBe(t.label);
      expect(english[i], t.id).not.toBe(t.label);
      // No Dutch name comes through in English, not even as part of another.
      for (const dutch of builtins) expect(english[i]!.toLowerCase()).not.toContain(dutch.label.toLowerCase());
    });
    expect(themeLabel({ id: 'tarieven', label: 'Tarieven en kostprijs' }, 'en')).toBe('Rates and cost price');
    expect(themeLabel({ id: 'overig', label: 'Overig' }, 'en')).toBe('Other');
  });

  it('keeps the name of a built-in the facilitator renamed, in both languages', () => {
    expect(isBuiltinTheme({ id: 'tarieven', label: 'Tarieven en kostprijs' })).toBe(true);
    expect(isBuiltinTheme({ id: 'tarieven', label: 'Prijsafspraken' })).toBe(false);
    expect(themeLabel({ id: 'tarieven', label: 'Prijsafspraken' }, 'en')).toBe('Prijsafspraken');
    expect(themeLabel({ id: 'tarieven', label: 'Prijsafspraken' }, 'nl')).toBe('Prijsafspraken');
  });

  it('keeps a theme the facilitator added as written, even when it has a built-in name', () => {
    expect(themeLabel({ id: 'nieuw-1', label: 'Tarieven en kostprijs' }, 'en')).toBe('Tarieven en kostprijs');
    expect(themeLabel({ id: 'nieuw-2', label: 'Wachtlijsten' }, 'en')).toBe('Wachtlijsten');
  });

  it('follows renames and additions through the codebook edits and the synthesis view', () => {
    let codebook = CodebookSchema.parse(DEFAULT_CODEBOOK);
    codebook = unwrap(renameTheme(codebook, 'meerzorg', 'Meerzorg in de Wlz'));
    codebook = unwrap(addTheme(codebook, { id: 'nieuw-1', name: 'Wachtlijsten' }));
    const session = sessionWith(['De tarieven dekken de kostprijs niet', 'Meerzorgaanvragen blijven liggen']);
    const view = synthesisView(session, codebook, 'codebook');
    const english = new Map(withThemeLabels(view.themes, 'en').map((t) => [t.id, t.label]));
    expect(english.get('tarieven')).toBe('Rates and cost price');
    expect(english.get('meerzorg')).toBe('Meerzorg in de Wlz');
    expect(english.get('nieuw-1')).toBe('Wachtlijsten');
    expect(english.get('overig')).toBe('Other');
    // The view itself is left as it was: Dutch, as the engine named it.
    expect(view.themes.find((t) => t.id === 'tarieven')?.label).toBe('Tarieven en kostprijs');
    expect(new Map(withThemeLabels(view.themes, 'nl').map((t) => [t.id, t.label]))).toEqual(new Map(view.themes.map((t) => [t.id, t.label])));
  });

  it('names the study matrix rows in the language asked for, Dutch by default', () => {
    const codebook = CodebookSchema.parse(DEFAULT_CODEBOOK);
    const sessions = [sessionWith(['De tarieven dekken de kostprijs niet'])];
    expect(studyMatrix(sessions, codebook).themes.find((t) => t.id === 'tarieven')?.label).toBe('Tarieven en kostprijs');
    expect(studyMatrix(sessions, codebook, 'en').themes.find((t) => t.id === 'tarieven')?.label).toBe('Rates and cost price');
  });
});
