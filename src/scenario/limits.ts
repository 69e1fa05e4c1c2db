// Hard limits on what a scenario may ask for, so a hostile or mistaken file fails fast with a clear
// message instead of exhausting memory or time (docs/errors.md lists them all).
export const LIMITS = {
  /** Size of one scenario file. */
  fileBytes: 2 * 1024 * 1024,
  /** YAML aliases (`*name`) in one file: more is how "billion laughs" bombs start. */
  aliases: 100,
  /** Nesting depth of mappings and lists. */
  depth: 64,
  /** Actors: the engine's per-turn work and its n×n relation arrays grow with the square of this. */
  actors: 200,
  /** Negotiation rounds per run. */
  rounds: 1000,
} as const;
