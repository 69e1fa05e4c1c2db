// Numbers as the command line prints them.
export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
export const pp = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}`;
export const count = (x: number) => x.toLocaleString("en-US");
export const interval = (lo: number, hi: number, f: (x: number) => string = pct) => `[${f(lo)}, ${f(hi)}]`;
