// Opens the studio in the person's browser where there is one; never fails (a headless server, a
// container or BROWSER=none simply get the printed address).
import { spawn } from "node:child_process";

/** The command that opens `url`, or undefined when no browser is likely to be there. */
export function browserCommand(url: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): [string, string[]] | undefined {
  if (env.BROWSER === "none") return undefined;
  if (env.BROWSER) return [env.BROWSER, [url]];
  if (platform === "darwin") return ["open", [url]];
  if (platform === "win32") return ["cmd", ["/c", "start", "", url]];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined; // no desktop session
  return ["xdg-open", [url]];
}

export function openBrowser(url: string): boolean {
  const command = browserCommand(url);
  if (!command) return false;
  try {
    const child = spawn(command[0], command[1], { detached: true, stdio: "ignore" });
    child.on("error", () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
