// npm run --silent theme-calibration
// Fits the theme engine's confidence model (shared/domain/themes/calibration.ts) on the labelled
// sets, each scored while the engine learns only from the others, and prints the coefficients with
// the reliability curve they give beside that of the committed coefficients. Copy the printed
// coefficients into calibration.ts to adopt them.
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';
import { CALIBRATION } from '../shared/domain/themes/calibration.ts';
import { leaveOneSetOut } from './lib/theme-eval.ts';
import { reliability } from './lib/reliability.ts';

const rows = leaveOneSetOut().flatMap((s) => s.scored).filter((s) => s.assignment.themeId !== 'overig');
const X = new Matrix(rows.map((r) => [1, r.inputs.logScore, r.inputs.lead]));
const y = Matrix.columnVector(rows.map((r) => (r.assignment.themeId === r.item.theme ? 1 : 0)));
const model = new LogisticRegression({ numSteps: 20_000, learningRate: 2e-4 });
model.train(X, y);
// One-vs-all over {0, 1}: the first classifier's target is 1 for the right suggestions.
const [intercept, logScore, lead] = model.classifiers[0]!.weights.to1DArray();
const fitted = { intercept: round(intercept!), logScore: round(logScore!), lead: round(lead!) };
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const curve = (m: { intercept: number; logScore: number; lead: number }) =>
  reliability(rows.map((r) => ({ confidence: sigmoid(m.intercept + m.logScore * r.inputs.logScore + m.lead * r.inputs.lead), correct: r.assignment.themeId === r.item.theme })));
const show = (r: ReturnType<typeof curve>) => ({
  ece: round(r.ece),
  bins: r.bins.map((b) => `${b.from.toFixed(1)}-${b.to.toFixed(1)}: n=${b.count} conf=${b.meanConfidence.toFixed(2)} right=${b.accuracy.toFixed(2)}`),
});
console.log(JSON.stringify({ items: rows.length, fitted, fittedCurve: show(curve(fitted)), committed: CALIBRATION, committedCurve: show(curve(CALIBRATION)) }, null, 2));

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
