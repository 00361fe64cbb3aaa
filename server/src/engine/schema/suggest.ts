/** "Did you mean …?" for misspelled field names and enum values. */

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions). With `atMost`, stops as soon as
 * the distance must exceed it and returns `atMost + 1`: suggestions are looked for among every ConfigMap or Secret
 * of a namespace, thousands in generated manifests, and almost all are far off. (A row's minimum bounds every row
 * below it: a transposition skipping a row costs what a substitution into that row would.)
 */
export function editDistance(a: string, b: string, atMost = Infinity): number {
  if (Math.abs(a.length - b.length) > atMost) return atMost + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > atMost) return atMost + 1;
  }
  return Math.min(d[rows * cols - 1]!, atMost + 1);
}

/**
 * Distance of a typed name to a candidate, also counting a misspelled prefix as close
 * (`livness` → `livenessProbe`): people abbreviate long field names.
 */
function closeness(typed: string, candidate: string): number {
  const a = typed.toLowerCase();
  const b = candidate.toLowerCase();
  let best = editDistance(a, b);
  if (a.length >= 4 && b.length > a.length) {
    for (let len = Math.max(1, a.length - 1); len <= Math.min(b.length - 1, a.length + 2); len++) {
      best = Math.min(best, editDistance(a, b.slice(0, len)) + 1);
    }
  }
  return best;
}

/** The closest candidate within a third of the typed length (at least 1), or undefined. */
export function closestMatch(typed: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = closeness(typed, candidate);
    if (score < bestScore || (score === bestScore && best !== undefined && candidate < best)) {
      best = candidate;
      bestScore = score;
    }
  }
  return bestScore <= limit ? best : undefined;
}
