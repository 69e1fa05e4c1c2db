// The checks every request passes before any handler runs: Host (DNS rebinding), Origin and
// Sec-Fetch-Site (cross-site requests), and the token (anyone else on the machine). Pure functions of
// the request headers, so they are tested without a server.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import type { IncomingHttpHeaders } from "node:http";
import { cookieName } from "../protocol.ts";
import { HttpError } from "./http-error.ts";

export interface Guard {
  token: string;
  port: number;
  /** The --host the server binds to; a name other than localhost is trusted as a Host too. */
  bindHost: string;
}

export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * A Host header names this server when its port is ours and its name is localhost, an IP literal, or
 * the --host given. A DNS-rebinding page reaches us under its own domain name, which fails here.
 */
export function checkHost(host: string | undefined, guard: Guard): void {
  const parsed = host ? splitHost(host) : undefined;
  const trusted = parsed && parsed.port === guard.port && (parsed.name === "localhost" || isIP(parsed.name) !== 0 || parsed.name === guard.bindHost.toLowerCase());
  if (!trusted) {
    throw new HttpError(403, `Host '${host ?? ""}' is not this server: expected localhost or an IP address with port ${guard.port} (protection against DNS rebinding)`);
  }
}

function splitHost(host: string): { name: string; port: number } | undefined {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d{1,5})$/.exec(host.trim());
  if (!m) return undefined;
  return { name: m[1].replace(/^\[|\]$/g, "").toLowerCase(), port: Number(m[2]) };
}

/** A request from a page must come from this server's own pages: same origin, never another site. */
export function checkOrigin(headers: IncomingHttpHeaders): void {
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://${headers.host}`) {
    throw new HttpError(403, `Origin '${origin}' is not this server: requests from other sites are refused`);
  }
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    throw new HttpError(403, `a ${site} request is refused: only this server's own pages may call it`);
  }
}

/** The token from `?token=` or the cookie; which one it came from decides whether to set the cookie. */
export function checkToken(url: URL, headers: IncomingHttpHeaders, guard: Guard): "query" | "cookie" {
  const fromQuery = url.searchParams.get("token");
  if (fromQuery !== null) {
    if (sameSecret(fromQuery, guard.token)) return "query";
    throw new HttpError(403, "wrong token: open the address `bazaar studio` printed");
  }
  const fromCookie = readCookie(headers.cookie, cookieName(guard.port));
  if (fromCookie !== undefined && sameSecret(fromCookie, guard.token)) return "cookie";
  throw new HttpError(401, "a token is required: open the address `bazaar studio` printed, which carries it (?token=…)");
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function tokenCookie(guard: Guard): string {
  return `${cookieName(guard.port)}=${guard.token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Headers on every answer: nothing runs but our own script, nothing frames us, nothing is cached. */
export const SAFE_HEADERS: Record<string, string> = {
  "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Resource-Policy": "same-origin",
};
