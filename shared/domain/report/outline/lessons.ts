import type { Session } from '../../../schemas/session.ts';
import type { CardFacts } from '../card-facts.ts';
import { byTheme, findingsOf, sentence, verifiedFor } from './drafts.ts';
import { listOf, type DraftTexts } from './draft-texts.ts';
import type { OutlineBlock } from './types.ts';

/**
 * Overarching lessons: themes that come back in at least two chapters (or, in a report of one
 * chapter, two domains), most widespread first, each written as a lesson with its evidence.
 */
export function lessonsDraft(units: { name: string; facts: CardFacts[] }[], sessions: Session[], t: DraftTexts, language: 'nl' | 'en'): OutlineBlock[] {
  const all = units.flatMap((u) => u.facts);
  const lessons = byTheme(all.filter((f) => f.themeId !== 'overig'))
    .map((theme) => ({ theme, where: units.filter((u) => u.facts.some((f) => f.themeId === theme[0]!.themeId)).map((u) => u.name) }))
    .filter((l) => l.where.length >= 2)
    .sort((a, b) => b.where.length - a.where.length);
  return lessons.map(({ theme, where }): OutlineBlock => {
    const themeId = theme[0]!.themeId;
    const good = theme.filter((f) => f.role === 'wentWell');
    const bad = theme.filter((f) => f.role === 'notWell' || f.role === 'improve');
    const tone = good.length * 3 >= theme.length * 2 ? 'good' : bad.length * 3 >= theme.length * 2 ? 'bad' : 'mixed';
    const findings = findingsOf(sessions, all, themeId);
    const verified = verifiedFor(sessions, themeId, language);
    const votes = theme.reduce((n, f) => n + f.votes, 0);
    return {
      kind: 'paragraph',
      themeId,
      sentences: [
        sentence(t.lessonLead(theme[0]!.themeLabel, listOf(where.map(t.place), t.and), tone), theme, true),
        sentence(t.lessonEvidence(theme.length, votes, good.length, bad.length), theme),
        ...(findings.length ? [sentence(t.lessonFindings(findings), bad.length ? bad : theme)] : []),
        ...(verified.asked ? [sentence(t.verified(verified), [])] : []),
      ],
    };
  });
}
