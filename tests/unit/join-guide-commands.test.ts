import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DESTINATIONS, GUIDE_COMMANDS } from "../../src/components/join/guide-commands.ts";

/** AlmaLinux's page, or the excerpt of its code blocks kept beside the tests. */
const referenceFile = process.env.MIRROR_GUIDE_REFERENCE ?? "tests/fixtures/reference/almalinux-mirror-commands.md";

/** The source's placeholders for the folders the guide calls `/path/to/…`. */
const REFERENCE_DESTINATIONS = {
  main: "/almalinux/dir/on/your/server/",
  kitten: "/almalinux-kitten/dir/on/your/server/",
};

/** Whitespace is not part of a command: `a |grep b` and `a | grep b` are the same. */
function normalise(line: string): string {
  return line
    .replaceAll(/\s*\|\s*/g, " | ")
    .replaceAll(/\s+/g, " ")
    .trim();
}

/** Every line inside a ```shell fence of the markdown, without a `$ ` prompt. */
function referenceLines(markdown: string): string[] {
  const lines: string[] = [];
  let inShell = false;
  for (const raw of markdown.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("```")) inShell = !inShell && line === "```shell";
    else if (inShell) lines.push(normalise(line.replace(/^\$ /, "")));
  }
  return lines;
}

/** The guide's command lines, with its destination folders written as the source writes them. */
function guideLines(): string[] {
  return Object.values(GUIDE_COMMANDS)
    .flatMap((block) => block.split("\n"))
    .map((line) =>
      line
        .replaceAll(DESTINATIONS.kitten, REFERENCE_DESTINATIONS.kitten)
        .replaceAll(DESTINATIONS.main, REFERENCE_DESTINATIONS.main),
    )
    .map(normalise);
}

describe("the join guide's commands", () => {
  const reference = referenceLines(readFileSync(referenceFile, "utf8"));

  it("reads the source's code blocks", () => {
    expect(reference.filter((line) => line.includes("rsync://"))).toHaveLength(4);
  });

  it("are the ones AlmaLinux documents, apart from the destination folders", () => {
    for (const line of guideLines()) expect(reference, line).toContain(line);
  });

  it("include every rsync, cron, repository and xxhash command the source gives", () => {
    const documented = reference.filter((line) => /rsync|^curl |^yum /.test(line) && !line.startsWith("xxh"));
    expect(documented.length).toBeGreaterThanOrEqual(7);
    expect(guideLines()).toEqual(expect.arrayContaining(documented));
  });

  it("sync Kitten from its own host and module, never into the main tree", () => {
    const kitten = [GUIDE_COMMANDS.kittenSync, GUIDE_COMMANDS.kittenCron];
    expect(kitten.join("\n").split("\n")).toHaveLength(2);
    for (const line of kitten) {
      expect(line).toContain(" rsync://rsync.kitten.repo.almalinux.org/almalinux-kitten/ ");
      expect(line).not.toContain(DESTINATIONS.main);
    }
  });
});
