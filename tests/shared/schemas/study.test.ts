import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../../shared/domain/themes/default-codebook.ts';
import { CreateStudyBodySchema, StudySchema } from '../../../shared/schemas/study.ts';
import { emptyReportDocument } from '../../../shared/schemas/report-document.ts';

const study = {
  schemaVersion: 1,
  id: 'study-0001',
  title: 'Evaluatie zorginkoop 2025',
  keyHash: 'f'.repeat(64),
  sessionIds: ['session-0001'],
  createdAt: 1,
  updatedAt: 2,
};

describe('StudySchema', () => {
  it('accepts a stored study and strips unknown keys, such as a plain key', () => {
    const parsed = StudySchema.parse({ ...study, key: 'secret' });
    expect(parsed).not.toHaveProperty('key');
    // A study stored before codebooks, surveys and report settings existed gets the built-in
    // codebook, no surveys and the default report settings.
    expect(parsed).toEqual({ ...study, codebook: DEFAULT_CODEBOOK, surveys: [], reportSettings: { rounding: 'largest-remainder', smallGroup: 10 }, report: emptyReportDocument() });
  });

  it('refuses hostile session ids and a key hash that is not sha256 hex', () => {
    expect(StudySchema.safeParse({ ...study, sessionIds: ['../other-study'] }).success).toBe(false);
    expect(StudySchema.safeParse({ ...study, id: '..' }).success).toBe(false);
    expect(StudySchema.safeParse({ ...study, keyHash: 'f'.repeat(63) }).success).toBe(false);
  });
});

describe('CreateStudyBodySchema', () => {
  it('needs a trimmed, non-blank title of bounded length', () => {
    expect(CreateStudyBodySchema.parse({ title: '  Evaluatie  ', extra: 1 })).toEqual({ title: 'Evaluatie', codebook: 'default' });
    expect(CreateStudyBodySchema.safeParse({ title: ' ' }).success).toBe(false);
    expect(CreateStudyBodySchema.safeParse({ title: 't'.repeat(201) }).success).toBe(false);
  });
});
