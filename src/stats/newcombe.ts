// Confidence interval for a difference of two independent proportions from their Wilson intervals:
// Newcombe (1998), "Interval estimation for the difference between independent proportions",
// Statistics in Medicine 17:873–890, method 10 (the hybrid score interval).
import { wilsonInterval } from "./wilson.ts";

export function newcombeDifference(x1: number, n1: number, x2: number, n2: number): { difference: number; ci95: [number, number] } {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilsonInterval(x1, n1);
  const [l2, u2] = wilsonInterval(x2, n2);
  const d = p1 - p2;
  return {
    difference: d,
    ci95: [d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)],
  };
}
