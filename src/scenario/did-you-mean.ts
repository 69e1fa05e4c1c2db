/** Levenshtein distance, for "did you mean" suggestions on misspelt ids and keys. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length];
}

/** The candidate nearest to `word`, or undefined when nothing is close enough to be a typo. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of [...candidates].sort()) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const tolerance = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= tolerance && bestDistance < word.length ? best : undefined;
}

export function suggestion(word: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  const near = nearest(word, list);
  if (near) return ` (did you mean '${near}'?)`;
  return list.length ? ` (known: ${list.slice(0, 8).join(", ")}${list.length > 8 ? ", ..." : ""})` : "";
}
