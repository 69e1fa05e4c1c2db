// Confidence interval for a difference of two independent proportions from their Wilson intervals:
// Newcombe (1998), "Interval estimation for the difference between independent proportions",
// Statistics in Medicine 17:873–890, method 10 (the hybrid score interval). `z` sets the level
// (1.96 for 95%); each Wilson interval is made with the same z.
import { wilsonInterval, Z95 } from "./wilson.ts";

export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = Z95): { difference: number; interval: [number, number] } {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilsonInterval(x1, n1, z);
  const [l2, u2] = wilsonInterval(x2, n2, z);
  const d = p1 - p2;
  return {
    difference: d,
    interval: [d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)],
  };
}
