// ml-logistic-regression ships no types; the part scripts/theme-calibration.ts uses.
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    train(X: Matrix, Y: Matrix): void;
    classifiers: { weights: Matrix }[];
  }
}
