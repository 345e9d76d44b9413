import { z } from 'zod';
import { IdSchema } from '@shared/schemas/common.ts';

const CreatedStudySchema = z.object({ studyId: IdSchema, key: z.string().min(8) });
export type CreatedStudy = z.infer<typeof CreatedStudySchema>;

export type HttpResult<T> = { ok: true; data: T } | { ok: false; status: number };

/** POST /api/studies: a new study and its facilitator key (shown once, never stored on the server). */
export async function postStudy(title: string, codebook: 'default' | 'empty' = 'default'): Promise<HttpResult<CreatedStudy>> {
  try {
    const response = await fetch('/api/studies', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title, codebook }),
    });
    if (!response.ok) return { ok: false, status: response.status };
    const parsed = CreatedStudySchema.safeParse(await response.json());
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, status: 502 };
  } catch {
    return { ok: false, status: 0 };
  }
}
