import * as z from "zod";

/** Identifiers are lower-case slugs so they are safe as YAML keys, file names and `--set` path parts. */
export const ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

export const Id = z
  .string()
  .regex(ID_PATTERN, "expected an id: a lower-case letter, then letters, digits, '_' or '-'")
  .describe("An identifier: lower-case letter, then up to 63 letters, digits, '_' or '-'.");

export const ActorRef = Id.describe("The id of an actor declared under `actors`.");

export const ActorPair = z
  .tuple([ActorRef, ActorRef])
  .describe("Two actor ids, e.g. [state_of_law, sadrists].");

export const SECTS = ["shia", "sunni", "kurd", "turkmen", "christian", "yazidi", "secular", "minority", "mixed"] as const;
export const Sect = z.enum(SECTS).describe("The sectarian or ethnic base the actor draws its votes from.");
export type SectName = (typeof SECTS)[number];
