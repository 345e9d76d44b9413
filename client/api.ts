import { z } from 'zod';
import { IdSchema } from '@shared/schemas/common.ts';
import { JoinPreviewSchema, type JoinPreview } from '@shared/schemas/join.ts';

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

/** GET /api/join/:code: the session a (well-formed) code opens, before any profile is asked. */
export async function getJoinPreview(code: string): Promise<HttpResult<JoinPreview>> {
  try {
    const response = await fetch(`/api/join/${encodeURIComponent(code)}`);
    if (!response.ok) return { ok: false, status: response.status };
    const parsed = JoinPreviewSchema.safeParse(await response.json());
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, status: 502 };
  } catch {
    return { ok: false, status: 0 };
  }
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** GET with the facilitator key: the JSON answer, or the HTTP status when it failed (0: offline). */
export async function getWithKey<T>(url: string, key: string): Promise<HttpResult<T>> {
  try {
    const response = await fetch(url, { headers: bearer(key) });
    if (!response.ok) return { ok: false, status: response.status };
    return { ok: true, data: (await response.json()) as T };
  } catch {
    return { ok: false, status: 0 };
  }
}

/**
 * Downloads a file that needs the facilitator key (a plain link cannot send it): fetched, then
 * saved under the name the server gives.
 */
export async function downloadWithKey(url: string, key: string, fallbackName: string): Promise<HttpResult<string>> {
  try {
    const response = await fetch(url, { headers: bearer(key) });
    if (!response.ok) return { ok: false, status: response.status };
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
    const href = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    return { ok: true, data: name };
  } catch {
    return { ok: false, status: 0 };
  }
}

export interface ImportFailure {
  status: number;
  message: string;
}

/** POST /api/studies/import: a study file exported from this or another server. */
export async function importStudy(file: File): Promise<{ ok: true; studyId: string } | { ok: false; failure: ImportFailure }> {
  try {
    const response = await fetch('/api/studies/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: await file.text() });
    const body = (await response.json().catch(() => ({}))) as { studyId?: string; message?: string };
    if (response.ok && body.studyId) return { ok: true, studyId: body.studyId };
    return { ok: false, failure: { status: response.status, message: body.message ?? response.statusText } };
  } catch {
    return { ok: false, failure: { status: 0, message: '' } };
  }
}

/** A failed request with the key: the status (0: offline) and, when the server said so, why. */
export interface KeyedFailure {
  status: number;
  error?: string;
  message?: string;
  problem?: { code: string; params: Record<string, string | number> };
}

/** Any method with the facilitator key; a body is sent as JSON unless it is a Blob (sent as is). */
export async function requestWithKey<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, key: string, body?: unknown): Promise<{ ok: true; data: T } | ({ ok: false } & KeyedFailure)> {
  const headers: Record<string, string> = bearer(key);
  let payload: BodyInit | undefined;
  if (body instanceof Blob) {
    headers['content-type'] = 'application/octet-stream';
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  try {
    const response = await fetch(url, { method, headers, body: payload });
    const data: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: data as T };
    return { ok: false, status: response.status, ...(data && typeof data === 'object' ? (data as Omit<KeyedFailure, 'status'>) : {}) };
  } catch {
    return { ok: false, status: 0 };
  }
}
