import { z } from 'zod';

/**
 * Theme ids: readable slugs such as `tarieven` or `nieuw-3`. They key plain records (findings,
 * answers, the theme vocabulary), so names every object inherits (`constructor`, `__proto__`) are
 * refused, as for other ids.
 */
export const ThemeIdSchema = z
  .string()
  .regex(/^[a-z0-9_-]{1,64}$/, 'theme id: lowercase letters, digits, _ or -')
  .refine((id) => !(id in Object.prototype), 'theme id must not be the name of a built-in object property');

/** A theme of a codebook: what the facilitator (or the built-in default) says it is about. */
export const CodebookThemeSchema = z.object({
  id: ThemeIdSchema,
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).default(''),
  /** Words or short phrases that point to this theme. */
  seeds: z.array(z.string().trim().min(1).max(80)).max(500).default([]),
  /** Set when the theme was merged into another: decisions for it count for that one. */
  mergedInto: ThemeIdSchema.nullable().default(null),
  /** The seeds the merge added to the target (not there before): taken back if the merge is undone. */
  mergedSeeds: z.array(z.string().trim().min(1).max(80)).max(500).optional(),
});
export type CodebookTheme = z.infer<typeof CodebookThemeSchema>;

export const CodebookSchema = z.object({
  themes: z.array(CodebookThemeSchema).max(100).refine((t) => new Set(t.map((x) => x.id)).size === t.length, 'theme ids must be unique'),
});
export type Codebook = z.infer<typeof CodebookSchema>;
