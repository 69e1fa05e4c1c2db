// Keeping affinities and other signed unit quantities in range.

export function clampUnit(x: number): number {
  return x > 1 ? 1 : x < -1 ? -1 : x;
}
