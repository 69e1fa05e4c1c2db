import { describe, expect, it } from "vitest";
import { progressLine } from "../../src/cli/progress.ts";

function fakeStream() {
  const writes: string[] = [];
  return { stream: { write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream, writes };
}

describe("progress line", () => {
  it("shows runs done, runs/s and the time left, and clears itself at the end", () => {
    const { stream, writes } = fakeStream();
    let t = 0;
    const p = progressLine(stream, true, () => t);
    p.update(0, 10_000);
    t = 1000;
    p.update(2500, 10_000);
    expect(writes.at(-1)).toMatch(/2,500\/10,000 runs · 2,500 runs\/s · ETA 3 s/);
    p.end();
    expect(writes.at(-1)).toBe("\r\x1b[2K");
  });

  it("writes nothing when disabled (not a terminal, or --json)", () => {
    const { stream, writes } = fakeStream();
    const p = progressLine(stream, false);
    p.update(1, 2);
    p.end();
    expect(writes).toEqual([]);
  });
});
