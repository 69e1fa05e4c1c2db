// End-to-end: the real `bazaar calibrate` refuses a bad --fit path with exit 2, one pointed message, no
// stack trace, and writes nothing.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers.ts";

const BIN = path.join(ROOT, "bin", "bazaar.js");
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

describe("bazaar calibrate", () => {
  it("exits 2 on an unknown --fit path, naming it and the nearest parameter", () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "bazaar-calibrate-e2e-")), "never");
    const r = spawnSync(process.execPath, [BIN, "calibrate", "--fit", "model.temprature,model.delay_cost", "--out", out], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("bazaar: --fit model.temprature: model has no 'temprature' (did you mean 'temperature'?)\n");
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });
});
