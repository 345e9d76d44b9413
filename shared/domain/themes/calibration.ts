/**
 * Calibrated confidence of a suggestion: the probability that the engine's best theme is the
 * right one, from how strong its evidence is and how far it leads the runner-up. A logistic model
 * fitted by `npm run --silent theme-calibration` on the labelled sets, each scored while the engine
 * learns only from the others; the script prints the reliability curve it gives.
 */

/** Coefficients of the logistic model: intercept, ln(best score), lead ((best - second) / best). */
export const CALIBRATION = { intercept: -0.739, logScore: 0.513, lead: 3.811 } as const;

/** Below this a suggestion is shown as one to check, not as decided. */
export const CONFIDENT = 0.6;

/** The inputs of the model, also used to fit it. */
export function calibrationInputs(scores: readonly { score: number }[]): { logScore: number; lead: number } {
  const first = Math.max(scores[0]?.score ?? 0, 1e-6);
  const second = Math.max(0, scores[1]?.score ?? 0);
  return { logScore: Math.log(first), lead: (first - second) / first };
}

export function calibratedConfidence(scores: readonly { score: number }[], model: typeof CALIBRATION = CALIBRATION): number {
  const { logScore, lead } = calibrationInputs(scores);
  const z = model.intercept + model.logScore * logScore + model.lead * lead;
  return Math.round((1 / (1 + Math.exp(-z))) * 100) / 100;
}
