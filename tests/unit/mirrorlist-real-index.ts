/** The real registry's mirrorlist index, exported once per test file, and answer helpers. */
import { loadRegistry } from "../../src/core/load.ts";
import { type Answer, answerRequest } from "../../src/core/mirrorlist/answer.ts";
import { exportIndex } from "../../src/core/mirrorlist/export-index.ts";
import { type PreparedIndex, prepareIndex } from "../../src/core/mirrorlist/prepared-index.ts";
import type { Registry } from "../../src/core/types.ts";
import { type ClientCf, clientFromRequest } from "../../src/edge/client.ts";
import { geonamesLocator } from "../../src/integrations/mirror-coordinates.ts";

let cached: { registry: Registry; prepared: PreparedIndex; locate: ReturnType<typeof geonamesLocator> } | null = null;

/** The real registry, its locator and its prepared index (built on first call). */
export function realIndex() {
  if (!cached) {
    const registry = loadRegistry();
    const locate = geonamesLocator();
    cached = { registry, locate, prepared: prepareIndex(exportIndex(registry, locate)) };
  }
  return cached;
}

/** A fixed day, so that seeded orders are the same on every run. */
export const DAY = new Date("2026-03-14T10:00:00Z");

/** The answer for `path` (with its query) to a client with that address and `cf` data. */
export function ask(
  path: string,
  ip: string | null = null,
  cf: ClientCf = {},
  prepared = realIndex().prepared,
): Answer {
  const url = new URL(path, "http://test.invalid");
  return answerRequest(prepared, url.pathname, url.search, clientFromRequest(ip, cf), DAY);
}

/** The host of each line of a 200 answer. */
export function hosts(answer: Answer): string[] {
  return answer.body
    .trimEnd()
    .split("\n")
    .map((line) => new URL(line).host);
}

export const FRANKFURT = { country: "DE", continent: "EU", latitude: "50.1109", longitude: "8.6821" };
