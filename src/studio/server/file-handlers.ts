// POST /api/trace, /api/save and /api/open: a run's story, saving a variant with its run set, and
// working on a saved variant.
import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import * as z from "zod";
import { loadScenarioFile } from "../../scenario/load.ts";
import { writeFileAtomic } from "../../runner/atomic.ts";
import type { SaveView, ScenarioView, TraceView } from "../protocol.ts";
import { copyRunSet, isRunSet, traceStory } from "./api.ts";
import { readJson } from "./body.ts";
import { commandLine, runArgs, shown, traceCommand } from "./commands.ts";
import { applyTexts, overrideTexts, type Context } from "./context.ts";
import { extendsChain } from "./extends-chain.ts";
import { resolveInside } from "./files.ts";
import { HttpError } from "./http-error.ts";
import { MAX_TRACE_SEARCH, SaveRequest, TraceRequest } from "./requests.ts";
import { sendJson } from "./respond.ts";
import { variantYaml } from "./variant.ts";

export async function handleTrace(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req, TraceRequest);
  const overrides = overrideTexts(body.overrides);
  const edited = applyTexts(ctx.workspace.current(), overrides);
  const story = traceStory(edited, body.seed, body.run, body.outcome, MAX_TRACE_SEARCH);
  const view: TraceView = { seed: body.seed, ...story, command: traceCommand(ctx.workspace.file, overrides, body.seed, story.run) };
  sendJson(res, 200, view);
}

export async function handleSave(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req, SaveRequest);
  const record = ctx.store.get(body.run);
  const variantFile = resolveInside(ctx.roots.scenarios, `${body.name}.yaml`);
  const runSetDir = resolveInside(ctx.roots.runs, `${body.name}-s${record.seed}-n${record.runs}`);
  if (extendsChain(record.file).some((c) => c.file === variantFile)) {
    throw new HttpError(409, `${body.name}.yaml is the scenario this variant extends; choose another name`);
  }
  if (!body.overwrite && (existsSync(variantFile) || isRunSet(runSetDir))) {
    throw new HttpError(409, `${shown(existsSync(variantFile) ? variantFile : runSetDir)} exists: choose another name, or overwrite it`);
  }
  if (loadScenarioFile(record.file).sha256 !== record.base.sha256) {
    throw new HttpError(409, `${shown(record.file)} changed on disk since this batch ran: run it again, then save`);
  }
  const yaml = variantYaml(record.file, variantFile, record.edited, record.overrides);
  copyRunSet(record.runSet, runSetDir);
  writeFileAtomic(variantFile, yaml);
  const view: SaveView = {
    variant: shown(variantFile),
    runSet: shown(runSetDir),
    links: { variant: `/files/scenarios/${body.name}.yaml`, summary: `/files/runs/${path.basename(runSetDir)}/summary.json` },
    variantName: `${body.name}.yaml`,
    yaml,
    command: commandLine(runArgs(variantFile, [], record.runs, record.seed, runSetDir)),
  };
  sendJson(res, 200, view);
}

const OpenRequest = z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_.\/-]{1,200}\.(yaml|yml|json)$/, "expected a scenario file name ending in .yaml, .yml or .json") });

/** Works on another scenario file of the same folder (a saved variant) from now on. */
export async function handleOpen(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { file } = await readJson(req, OpenRequest);
  const target = resolveInside(ctx.roots.scenarios, file);
  if (!existsSync(target)) throw new HttpError(404, `no scenario file ${file} in ${shown(ctx.roots.scenarios)}`);
  ctx.workspace.open(target);
  const view: ScenarioView = ctx.workspace.view();
  sendJson(res, 200, view);
}
