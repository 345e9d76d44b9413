/**
 * How well stated confidences match observed accuracy: a reliability curve (confidence bins with
 * their mean confidence and the share that was right) and the expected calibration error (the
 * bins' gaps weighed by their size). Pure.
 */
export interface Prediction {
  confidence: number;
  correct: boolean;
}

export interface ReliabilityBin {
  /** Lower edge of the bin, 0, 0.1, …, 0.9 (the last bin includes 1). */
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

export interface Reliability {
  bins: ReliabilityBin[];
  /** Expected calibration error: Σ (n_bin / n) · |accuracy − mean confidence|. */
  ece: number;
  count: number;
}

export function reliability(predictions: readonly Prediction[], binCount = 10): Reliability {
  if (!Number.isInteger(binCount) || binCount < 1) throw new Error('binCount must be a positive integer');
  const sums = Array.from({ length: binCount }, () => ({ count: 0, confidence: 0, correct: 0 }));
  for (const p of predictions) {
    if (!(p.confidence >= 0 && p.confidence <= 1)) throw new Error(`confidence out of range: ${p.confidence}`);
    const bin = sums[Math.min(binCount - 1, Math.floor(p.confidence * binCount))]!;
    bin.count += 1;
    bin.confidence += p.confidence;
    bin.correct += p.correct ? 1 : 0;
  }
  const bins = sums
    .map((s, i) => ({
      from: i / binCount,
      to: (i + 1) / binCount,
      count: s.count,
      meanConfidence: s.count ? s.confidence / s.count : 0,
      accuracy: s.count ? s.correct / s.count : 0,
    }))
    .filter((b) => b.count > 0);
  const n = predictions.length;
  const ece = n === 0 ? 0 : bins.reduce((sum, b) => sum + (b.count / n) * Math.abs(b.accuracy - b.meanConfidence), 0);
  return { bins, ece, count: n };
}
