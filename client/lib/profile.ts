import { ProfileSchema, type Profile } from '@shared/schemas/session.ts';

/** A profile as a form holds it: empty strings for what was left open. */
export interface ProfileDraft {
  name: string;
  organisation: string;
  scope: '' | 'regionaal' | 'landelijk';
  size: '' | 'klein' | 'middelgroot' | 'groot';
  region: string;
  consent: boolean;
}

export const emptyProfileDraft = (): ProfileDraft => ({ name: '', organisation: '', scope: '', size: '', region: '', consent: false });

export function draftFromProfile(p: Profile): ProfileDraft {
  return {
    name: p.name,
    organisation: p.organisation ?? '',
    scope: p.scope ?? '',
    size: p.size ?? '',
    region: p.region ?? '',
    consent: p.consent,
  };
}

/** The profile to send, validated by the same schema as the server uses; null when the name is missing. */
export function profileFromDraft(d: ProfileDraft): Profile | null {
  const parsed = ProfileSchema.safeParse({
    name: d.name,
    organisation: d.organisation,
    region: d.region,
    consent: d.consent,
    ...(d.scope ? { scope: d.scope } : {}),
    ...(d.size ? { size: d.size } : {}),
  });
  return parsed.success ? parsed.data : null;
}
