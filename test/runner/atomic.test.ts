// Atomic writes under faults the test machine cannot produce for real (a full disk; a read-only folder,
// which root ignores): node:fs is made to fail the way the kernel would, and the write must give a
// plain UserError, leave the old file intact and no temporary file behind.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as realFs from "node:fs";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { UserError } from "../../src/scenario/problems.ts";

const failure = { code: undefined as string | undefined, afterBytes: 0 };
/** Bytes each writeSync call may write before the disk is full (then ENOSPC), when set. */
const shortWrites = { chunk: 0, capacity: Infinity };

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof realFs>();
  const failing = (file: realFs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView) => {
    if (failure.code && typeof file === "string" && file.endsWith(".tmp")) {
      fs.writeFileSync(file, String(data).slice(0, failure.afterBytes)); // the kernel wrote part of it
      throw Object.assign(new Error(`${failure.code}: simulated`), { code: failure.code });
    }
    fs.writeFileSync(file, data);
  };
  const short = (fd: number, buffer: Buffer, offset: number, length: number, position: number) => {
    if (shortWrites.chunk === 0) return fs.writeSync(fd, buffer, offset, length, position);
    if (shortWrites.capacity <= 0) throw Object.assign(new Error("ENOSPC: simulated"), { code: "ENOSPC" });
    const n = Math.min(length, shortWrites.chunk, shortWrites.capacity);
    shortWrites.capacity -= n;
    return fs.writeSync(fd, buffer, offset, n, position);
  };
  return { ...fs, default: { ...fs, writeFileSync: failing, writeSync: short }, writeFileSync: failing, writeSync: short };
});

const { writeAll, writeFileAtomic } = await import("../../src/runner/atomic.ts");

afterEach(() => {
  failure.code = undefined;
  shortWrites.chunk = 0;
  shortWrites.capacity = Infinity;
});

function folderWithOldFile() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bazaar-atomic-"));
  const file = path.join(dir, "summary.json");
  writeFileSync(file, "old\n");
  return { dir, file };
}

describe("writeFileAtomic under faults", () => {
  it.each([
    ["ENOSPC", "the disk is full"],
    ["EROFS", "the folder is not writable"],
    ["EACCES", "the folder is not writable"],
    ["EDQUOT", "EDQUOT"],
  ])("%s gives a plain message, keeps the old file and leaves no temporary file", (code, reason) => {
    const { dir, file } = folderWithOldFile();
    failure.code = code;
    failure.afterBytes = 3;
    expect(() => writeFileAtomic(file, "new content\n")).toThrow(UserError);
    expect(() => writeFileAtomic(file, "new content\n")).toThrow(`cannot write ${file}: ${reason}`);
    expect(readFileSync(file, "utf8")).toBe("old\n");
    expect(readdirSync(dir)).toEqual(["summary.json"]);
  });

  it("a temporary file left by a killed process is cleared by the next write of the same file", () => {
    const { dir, file } = folderWithOldFile();
    writeFileSync(path.join(dir, ".summary.json.99999999.tmp"), "half");
    writeFileSync(path.join(dir, ".other.json.99999999.tmp"), "half of another file");
    writeFileAtomic(file, "new\n");
    expect(readFileSync(file, "utf8")).toBe("new\n");
    expect(readdirSync(dir).sort()).toEqual([".other.json.99999999.tmp", "summary.json"]);
  });

  it("a temporary file of a live process is left alone", () => {
    const { dir, file } = folderWithOldFile();
    const live = `.summary.json.${process.ppid}.tmp`;
    writeFileSync(path.join(dir, live), "being written by the parent");
    writeFileAtomic(file, "new\n");
    expect(readdirSync(dir).sort()).toEqual([live, "summary.json"]);
  });
});

describe("writeAll (per-run records)", () => {
  const openFile = () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "bazaar-writeall-")), "runs.jsonl.partial");
    return { file, fd: realFs.openSync(file, "w") };
  };

  it("writes everything even when write(2) writes a few bytes at a time", () => {
    const { file, fd } = openFile();
    shortWrites.chunk = 3;
    expect(writeAll(fd, "{\"run\":0}\n{\"run\":1}\n", 0)).toBe(20);
    realFs.closeSync(fd);
    expect(readFileSync(file, "utf8")).toBe("{\"run\":0}\n{\"run\":1}\n");
  });

  it("stops with 'the disk is full' when the disk fills midway, never counting a short write as whole", () => {
    const { fd } = openFile();
    shortWrites.chunk = 4;
    shortWrites.capacity = 10;
    expect(() => writeAll(fd, "x".repeat(50), 0)).toThrow("cannot write the per-run records: the disk is full");
    realFs.closeSync(fd);
  });
});
