// The studio's request checks, as pure functions of the request: each refusal is a 4xx with a message.
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkHost, checkOrigin, checkToken, readCookie, tokenCookie, newToken, type Guard } from "../../src/studio/server/security.ts";
import { fileFromUrl, resolveInside } from "../../src/studio/server/files.ts";
import { HttpError } from "../../src/studio/server/http-error.ts";

const guard: Guard = { token: "s3cret-token-value", port: 8150, bindHost: "127.0.0.1" };

function statusOf(f: () => unknown): number | "passed" {
  try {
    f();
    return "passed";
  } catch (e) {
    if (e instanceof HttpError) {
      expect(e.message.length).toBeGreaterThan(10);
      return e.status;
    }
    throw e;
  }
}

describe("Host header (DNS rebinding)", () => {
  it("accepts localhost and IP literals on our port", () => {
    for (const host of ["127.0.0.1:8150", "localhost:8150", "LOCALHOST:8150", "[::1]:8150", "10.0.0.5:8150"]) {
      expect(statusOf(() => checkHost(host, guard)), host).toBe("passed");
    }
  });

  it("refuses a domain name, another port, a missing port or no Host at all", () => {
    for (const host of ["evil.example:8150", "127.0.0.1.nip.io:8150", "localhost.evil.example:8150", "127.0.0.1:8151", "127.0.0.1", "", undefined]) {
      expect(statusOf(() => checkHost(host, guard)), String(host)).toBe(403);
    }
  });

  it("trusts the name given with --host", () => {
    const named = { ...guard, bindHost: "studio.lan" };
    expect(statusOf(() => checkHost("studio.lan:8150", named))).toBe("passed");
    expect(statusOf(() => checkHost("studio.lan:8150", guard))).toBe(403);
  });
});

describe("Origin and Sec-Fetch-Site (cross-site requests)", () => {
  const host = "127.0.0.1:8150";
  it("accepts no Origin (a script or curl) and our own origin", () => {
    expect(statusOf(() => checkOrigin({ host }))).toBe("passed");
    expect(statusOf(() => checkOrigin({ host, origin: "http://127.0.0.1:8150", "sec-fetch-site": "same-origin" }))).toBe("passed");
    expect(statusOf(() => checkOrigin({ host, "sec-fetch-site": "none" }))).toBe("passed");
  });

  it("refuses another site, another port on localhost, an opaque origin and cross-site fetches", () => {
    expect(statusOf(() => checkOrigin({ host, origin: "http://evil.example" }))).toBe(403);
    expect(statusOf(() => checkOrigin({ host, origin: "http://127.0.0.1:9999" }))).toBe(403);
    expect(statusOf(() => checkOrigin({ host, origin: "null" }))).toBe(403);
    expect(statusOf(() => checkOrigin({ host, "sec-fetch-site": "cross-site" }))).toBe(403);
    expect(statusOf(() => checkOrigin({ host, "sec-fetch-site": "same-site" }))).toBe(403);
  });
});

describe("token", () => {
  const url = (query: string) => new URL(`http://127.0.0.1:8150/api/scenario${query}`);
  it("is accepted from the query or from the cookie set from it", () => {
    expect(checkToken(url(`?token=${guard.token}`), {}, guard)).toBe("query");
    const cookie = tokenCookie(guard).split(";")[0];
    expect(checkToken(url(""), { cookie: `other=1; ${cookie}` }, guard)).toBe("cookie");
    expect(tokenCookie(guard)).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it("is required: missing gives 401, wrong gives 403 (a wrong query token is not rescued by a cookie)", () => {
    expect(statusOf(() => checkToken(url(""), {}, guard))).toBe(401);
    expect(statusOf(() => checkToken(url("?token=nope"), {}, guard))).toBe(403);
    expect(statusOf(() => checkToken(url(""), { cookie: "bazaar_studio_8150=nope" }, guard))).toBe(401);
    expect(statusOf(() => checkToken(url("?token=nope"), { cookie: tokenCookie(guard).split(";")[0] }, guard))).toBe(403);
    expect(statusOf(() => checkToken(url(""), { cookie: `bazaar_studio_9999=${guard.token}` }, guard))).toBe(401);
  });

  it("is random and long", () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newToken()).not.toBe(a);
    expect(readCookie("a=1; b = 2", "b")).toBe("2");
  });
});

describe("paths", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "bazaar-studio-paths-"));
  const runs = path.join(root, "runs");
  const scenarios = path.join(root, "scenarios");
  mkdirSync(runs);
  mkdirSync(scenarios);
  writeFileSync(path.join(scenarios, "a.yaml"), "x: 1\n");
  writeFileSync(path.join(root, "secret.txt"), "secret\n");
  symlinkSync(path.join(root, "secret.txt"), path.join(scenarios, "link.yaml"));
  symlinkSync(root, path.join(runs, "up"));

  it("stay inside the allowed folder", () => {
    expect(resolveInside(scenarios, "a.yaml")).toBe(path.join(scenarios, "a.yaml"));
    expect(resolveInside(runs, "new-set/summary.json")).toBe(path.join(runs, "new-set", "summary.json"));
    for (const bad of ["../secret.txt", "x/../../secret.txt", "/etc/passwd", "C:/x"]) expect(statusOf(() => resolveInside(scenarios, bad)), bad).toBe(403);
    expect(statusOf(() => resolveInside(scenarios, "a\0.yaml"))).toBe(400);
  });

  it("do not leave through a symbolic link", () => {
    expect(statusOf(() => resolveInside(scenarios, "link.yaml"))).toBe(403);
    expect(statusOf(() => resolveInside(runs, "up/secret.txt"))).toBe(403);
    expect(statusOf(() => resolveInside(runs, "up/new.json"))).toBe(403);
  });

  it("in /files/ addresses, encoded or not, reach only files of the two roots", () => {
    const roots = { scenarios, runs };
    expect(fileFromUrl("/files/scenarios/a.yaml", roots)).toBe(path.join(scenarios, "a.yaml"));
    expect(statusOf(() => fileFromUrl("/files/scenarios/..%2Fsecret.txt", roots))).toBe(403);
    expect(statusOf(() => fileFromUrl("/files/runs/%2e%2e/secret.txt", roots))).toBe(403);
    expect(statusOf(() => fileFromUrl("/files/scenarios/%E0%A4%A", roots))).toBe(400);
    expect(statusOf(() => fileFromUrl("/files/home/a.yaml", roots))).toBe(404);
    expect(statusOf(() => fileFromUrl("/files/scenarios/missing.yaml", roots))).toBe(404);
    expect(statusOf(() => fileFromUrl("/files/runs/", roots))).toBe(404);
  });
});
