/** Sparse vector: feature -> weight, L2-normalised. */
export type Vector = Map<string, number>;

export function normalise(v: Vector): Vector {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm === 0) return v;
  const out: Vector = new Map();
  for (const [k, x] of v) out.set(k, x / norm);
  return out;
}

export function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [k, x] of small) sum += x * (large.get(k) ?? 0);
  return sum;
}

/** Deterministic pseudo-random numbers (mulberry32), so clustering is repeatable. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Spherical k-means with k-means++ seeding from a fixed seed: cosine similarity on normalised
 * sparse vectors. Returns the cluster index of each vector.
 */
export function kmeans(vectors: Vector[], k: number, seed = 42, iterations = 20): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  k = Math.max(1, Math.min(k, n));
  const random = seeded(seed);
  const centroids: Vector[] = [vectors[Math.floor(random() * n)]!];
  const best = vectors.map((v) => 1 - dot(v, centroids[0]!));
  while (centroids.length < k) {
    const total = best.reduce((s, d) => s + d * d, 0);
    let pick = 0;
    if (total > 0) {
      let r = random() * total;
      for (pick = 0; pick < n - 1; pick++) {
        r -= best[pick]! * best[pick]!;
        if (r <= 0) break;
      }
    } else pick = centroids.length % n;
    const centroid = vectors[pick]!;
    centroids.push(centroid);
    vectors.forEach((v, i) => (best[i] = Math.min(best[i]!, 1 - dot(v, centroid))));
  }
  let assignment = new Array<number>(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    const next = vectors.map((v) => {
      let bestIndex = 0;
      let bestSim = -Infinity;
      centroids.forEach((c, j) => {
        const sim = dot(v, c);
        if (sim > bestSim) {
          bestSim = sim;
          bestIndex = j;
        }
      });
      return bestIndex;
    });
    const changed = next.some((c, i) => c !== assignment[i]);
    assignment = next;
    if (!changed) break;
    for (let j = 0; j < centroids.length; j++) {
      const sum: Vector = new Map();
      vectors.forEach((v, i) => {
        if (assignment[i] !== j) return;
        for (const [f, x] of v) sum.set(f, (sum.get(f) ?? 0) + x);
      });
      if (sum.size > 0) centroids[j] = normalise(sum);
    }
  }
  return assignment;
}

/**
 * The clusters of an assignment as groups of vector indices (ascending, groups ordered by their
 * first member), merged while two groups' centroids are at least `minSimilarity` alike: k-means
 * always fills its k clusters, so with k too large for the cards one topic would be split up.
 */
export function mergeSimilar(vectors: Vector[], assignment: number[], minSimilarity: number): number[][] {
  const byCluster = new Map<number, number[]>();
  assignment.forEach((c, i) => {
    const members = byCluster.get(c);
    if (members) members.push(i);
    else byCluster.set(c, [i]);
  });
  const groups = [...byCluster.values()].sort((a, b) => a[0]! - b[0]!);
  const centroidOf = (members: number[]): Vector => {
    const sum: Vector = new Map();
    for (const i of members) for (const [f, x] of vectors[i]!) sum.set(f, (sum.get(f) ?? 0) + x);
    return normalise(sum);
  };
  const centroids = groups.map(centroidOf);
  for (;;) {
    let best = { sim: -Infinity, a: -1, b: -1 };
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const sim = dot(centroids[a]!, centroids[b]!);
        if (sim > best.sim) best = { sim, a, b };
      }
    }
    if (best.a < 0 || best.sim < minSimilarity) return groups;
    groups[best.a] = [...groups[best.a]!, ...groups[best.b]!].sort((x, y) => x - y);
    centroids[best.a] = centroidOf(groups[best.a]!);
    groups.splice(best.b, 1);
    centroids.splice(best.b, 1);
  }
}
