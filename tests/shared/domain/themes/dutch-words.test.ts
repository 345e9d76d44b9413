import { describe, expect, it } from 'vitest';
import { baseForms, separableVerb, verbLemma } from '../../../../shared/domain/themes/dutch-words.ts';
import { buildLexicon, extractFeatures } from '../../../../shared/domain/themes/features.ts';
import { stem } from '../../../../shared/domain/themes/text.ts';

describe('verbLemma', () => {
  it.each([
    // Present tense, regular: vowel undoubled, consonant doubled, root ending in d.
    ['declareert', 'declareren'],
    ['betaalt', 'betalen'],
    ['verandert', 'veranderen'],
    ['krijgt', 'krijgen'],
    ['vindt', 'vinden'],
    ['aanvraagt', 'aanvraag'],
    // Past tense and participles of weak verbs.
    ['werkte', 'werken'],
    ['gedeclareerd', 'declareren'],
    ['gecontroleerd', 'controleren'],
    ['geregeld', 'regelen'],
    ['betaald', 'betalen'],
    ['vastgelegd', 'vastleggen'],
    ['ingediend', 'indienen'],
    // Strong verbs, with separable and inseparable prefixes.
    ['afgewezen', 'afwijzen'],
    ['ingekocht', 'inkopen'],
    ['besproken', 'bespreken'],
    ['aangeboden', 'aanbieden'],
    ['gekregen', 'krijgen'],
    ['kregen', 'krijgen'],
    ['verliep', 'verlopen'],
    ['toegetreden', 'toetreden'],
  ])('reads %s as %s', (form, lemma) => {
    expect(verbLemma(form)).toBe(lemma);
  });

  it.each(['markt', 'kwaliteit', 'contract', 'budgetten', 'gemeenten', 'beleid', 'gezond', 'gebied', 'wezen', 'boden', 'zorg', 'niet'])(
    'leaves %s alone: a noun, an adjective, a plural or too short to tell',
    (word) => {
      expect(verbLemma(word)).toBeNull();
    },
  );

  it('is the same answer every time (cached)', () => {
    expect(verbLemma('declareert')).toBe(verbLemma('declareert'));
  });
});

describe('baseForms', () => {
  it('gives the singular of a plural in -n after -e', () => {
    expect(baseForms('gemeenten')).toContain('gemeente');
    expect(baseForms('systemen')).toContain('systeem');
  });
});

describe('verb forms in features', () => {
  const lexicon = buildLexicon(['declareren', 'meerzorg aanvragen', 'afwijzing']);
  it('count a conjugated verb as its dictionary form too, so that it meets the vocabulary', () => {
    const features = extractFeatures('De gemeente declareert anders en wees de aanvraag af, die werd afgewezen.', lexicon).weights;
    expect(features.get(stem('declareren'))).toBeGreaterThan(0.9);
    expect(features.get(stem('declareert'))).toBeGreaterThan(0.9);
    expect(features.get(stem('afwijzen'))).toBeGreaterThan(0.9);
  });
});

describe('separableVerb', () => {
  it.each([
    ['wijst', 'af', 'afwijzen'],
    ['legt', 'vast', 'vastleggen'],
    ['schiet', 'tekort', 'tekortschieten'],
    ['sluit', 'aan', 'aansluiten'],
    ['wees', 'af', 'afwijzen'],
    ['vragen', 'aan', 'aanvragen'],
  ])('joins %s … %s into %s', (verb, particle, infinitive) => {
    expect(separableVerb(verb, particle)).toBe(infinitive);
  });

  it.each([
    ['gemeente', 'aan'],
    ['zorg', 'tafel'],
    ['x', 'af'],
  ])('leaves %s … %s alone: not a verb, or not a particle', (word, particle) => {
    expect(separableVerb(word, particle)).toBeNull();
  });

  it('counts a verb split over the clause as the verb it is', () => {
    const features = extractFeatures('Het zorgkantoor wijst de aanvraag voor meerzorg vaak af', buildLexicon(['afwijzen'])).weights;
    expect(features.get(stem('afwijzen'))).toBeGreaterThan(0.9);
    const unsplit = extractFeatures('Het zorgkantoor wijst de aanvraag voor meerzorg vaak', buildLexicon(['afwijzen'])).weights;
    expect(unsplit.has(stem('afwijzen'))).toBe(false);
  });
});
