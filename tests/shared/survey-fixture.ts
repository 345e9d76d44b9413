import { defaultQuestionReport, type Survey, type SurveyQuestion } from '../../shared/schemas/survey.ts';

/**
 * The member survey of tests/fixtures/surveys/ledenpeiling-2025-bom.csv as stored (20 respondents),
 * for checking figures by hand without reading a file.
 *
 * Is de inkoopprocedure duidelijk?   ja 7, nee 4, deels 4, niet van toepassing 3, empty 2
 *   Wlz (8): ja 4, nee 1, deels 1, nvt 1, empty 1; Wmo (7): 2/2/2/1; Jeugdwet (5): 1/1/1/1, empty 1
 * Bij hoeveel procent ... tevreden?   0-25% 3, 25-50% 5, 50-75% 4, 75-100% 6, weet niet 2
 * Aantal cliënten met meerzorg        15 numbers (sum 1639,25), 2 missing, 1 unreadable, 2 empty
 * Welke knelpunten ervaart u?         Tarieven 9, Administratieve lasten 7, Contractduur 5, Geen 2, Weet niet 1; 3 empty
 */
export const LEDENPEILING = {
  domein: [...Array(8).fill('Wlz'), ...Array(7).fill('Wmo'), ...Array(5).fill('Jeugdwet')] as string[],
  zorgkantoor: ['Zilveren Kruis', 'CZ', 'Zilveren Kruis', 'Menzis', 'CZ', 'VGZ', 'Zilveren Kruis', 'Menzis', ...Array(12).fill('')] as string[],
  omzet: ['1-5 mln', '> 25 mln', '5-25 mln', '0-1 mln', '1-5 mln', '0-1 mln', '5-25 mln', '> 25 mln', '0-1 mln', '1-5 mln', '0-1 mln', '5-25 mln', '1-5 mln', '0-1 mln', '1-5 mln', '0-1 mln', '1-5 mln', '5-25 mln', '0-1 mln', '1-5 mln'],
  duidelijk: ['Ja', 'Ja', 'ja', 'Nee', 'Deels', 'Niet van toepassing', 'JA', '', 'Ja', 'Nee', 'nee', 'Deels', 'deels', 'niet van toepassing', 'Ja', 'Ja', 'Nee', 'Deels', 'Niet van toepassing', ''],
  tevreden: ['50-75%', '75-100%', '75-100%', '0-25%', '25-50%', 'Weet niet', '75-100%', '25-50%', '25-50%', '0-25%', '50-75%', '75-100%', '25-50%', 'weet niet', '50-75%', '0-25%', '75-100%', '25-50%', '50-75%', '75-100%'],
  meerzorg: ['12', '0', '3,5', '1.234', '292', 'weet niet', '', 'ca. 20', '5', '0', '7,5', '19', '', '2', '40', '1', 'n.v.t.', '3', '8', '12,25'],
  knelpunten: [
    'Tarieven; Administratieve lasten', 'Tarieven', 'Administratieve lasten|Contractduur', 'Tarieven|Contractduur', '', 'Weet niet', 'Geen knelpunten', 'Tarieven',
    'Administratieve lasten', 'Tarieven; Administratieve lasten; Contractduur', 'tarieven', '', 'Contractduur', 'Tarieven|Administratieve lasten', 'Geen knelpunten',
    'Administratieve lasten', 'Tarieven', '', 'Tarieven; Contractduur', 'Administratieve lasten',
  ],
};

const question = (id: string, label: string, kind: SurveyQuestion['kind'], missing: string[]): SurveyQuestion => ({ id, column: label, label, kind, missing, themeId: null, report: defaultQuestionReport() });

export const QUESTIONS = {
  duidelijk: question('col-0005', 'Is de inkoopprocedure duidelijk?', 'single', ['Niet van toepassing']),
  tevreden: question('col-0006', 'Bij hoeveel procent van uw gemeenten bent u tevreden?', 'single', ['Weet niet']),
  meerzorg: question('col-0007', 'Aantal cliënten met meerzorg', 'number', ['weet niet', 'n.v.t.']),
  knelpunten: question('col-0008', 'Welke knelpunten ervaart u?', 'multiple', ['Weet niet']),
};

export function ledenpeiling(): Survey {
  const d = LEDENPEILING;
  return {
    id: 'survey-0001',
    title: 'Ledenpeiling 2025',
    source: 'ledenpeiling-2025-bom.csv',
    questions: Object.values(QUESTIONS),
    attributes: [
      { id: 'col-0002', column: 'Domein', label: 'Domein' },
      { id: 'col-0003', column: 'Zorgkantoor', label: 'Zorgkantoor' },
      { id: 'col-0004', column: 'Omzetklasse', label: 'Omzetklasse' },
    ],
    responses: d.domein.map((_, i) => ({
      'col-0002': d.domein[i]!,
      'col-0003': d.zorgkantoor[i]!,
      'col-0004': d.omzet[i]!,
      'col-0005': d.duidelijk[i]!,
      'col-0006': d.tevreden[i]!,
      'col-0007': d.meerzorg[i]!,
      'col-0008': d.knelpunten[i]!,
    })),
    importedAt: 1_700_000_000_000,
  };
}
