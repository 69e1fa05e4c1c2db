// Opening a browser only where there is one: a headless machine or BROWSER=none gets the address only.
import { describe, expect, it } from "vitest";
import { browserCommand } from "../../src/studio/server/open-browser.ts";

describe("opening a browser", () => {
  const url = "http://127.0.0.1:8150/?token=t";
  it("is skipped without a desktop session or with BROWSER=none", () => {
    expect(browserCommand(url, {}, "linux")).toBeUndefined();
    expect(browserCommand(url, { DISPLAY: ":0", BROWSER: "none" }, "linux")).toBeUndefined();
  });

  it("uses BROWSER, xdg-open on a Linux desktop, open on macOS and start on Windows", () => {
    expect(browserCommand(url, { BROWSER: "firefox" }, "linux")).toEqual(["firefox", [url]]);
    expect(browserCommand(url, { WAYLAND_DISPLAY: "wayland-0" }, "linux")).toEqual(["xdg-open", [url]]);
    expect(browserCommand(url, {}, "darwin")).toEqual(["open", [url]]);
    expect(browserCommand(url, {}, "win32")).toEqual(["cmd", ["/c", "start", "", url]]);
  });
});
