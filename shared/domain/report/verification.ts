import type { FollowUpCall } from '../../schemas/followup.ts';
import type { Verification } from './types.ts';

const SUMMARY = {
  nl: (confirmed: number, asked: number, partly: number) =>
    `bevestigd door ${confirmed} van ${asked} nagebelde ${asked === 1 ? 'aanbieder' : 'aanbieders'}${partly ? `, ${partly} deels` : ''}`,
  en: (confirmed: number, asked: number, partly: number) =>
    `confirmed by ${confirmed} of ${asked} ${asked === 1 ? 'provider' : 'providers'} called${partly ? `, ${partly} partly` : ''}`,
};

/** How the follow-up calls (deleted ones left out) received the finding of one theme. */
export function verificationFor(calls: Iterable<FollowUpCall>, themeId: string, language: 'nl' | 'en'): Verification {
  const counts = { herkend: 0, deels: 0, niet_herkend: 0 };
  for (const call of calls) {
    if (call.deletedAt !== null) continue;
    const answer = Object.hasOwn(call.answers, themeId) ? call.answers[themeId] : undefined;
    if (answer) counts[answer.verdict]++;
  }
  const asked = counts.herkend + counts.deels + counts.niet_herkend;
  return { asked, ...counts, summary: asked === 0 ? null : SUMMARY[language](counts.herkend, asked, counts.deels) };
}
