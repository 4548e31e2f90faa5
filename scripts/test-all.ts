/**
 * `npm test`: every check of the project, in phases that run side by side where they share
 * nothing (two cores are kept busy instead of one), each phase started as soon as the phases it
 * needs have passed:
 *
 *   plain lane   typecheck → lint → unit → integration ─┐
 *   Astro lane   tools → build → fixture sites ─────────┼→ e2e (Playwright)
 *                                     └→ build tests    ┘
 *
 * `build` is `npm run build` (the real registry into `dist/`, which the smoke specs and the
 * mirrorlist test read); `fixture sites` builds the browser suite's small sites, which the build
 * tests read too. Astro runs at the same time only with separate caches (`ASTRO_CACHE_DIR`).
 * Each phase's output goes to a log file; a failed phase's output is printed in full, its
 * dependants are skipped, and the run fails. At the end: each phase's wall time.
 *
 * `npm test -- PHASE...` runs only the named phases (what they need is taken as done).
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";

interface Phase {
  name: string;
  /** A shell command, run from the project's root. */
  command: string;
  /** Phases that must have passed first. */
  after: string[];
  env?: Record<string, string>;
}

const LOGS = join("node_modules", ".cache", "mirrorsite", "test-logs");
/** The project's Node (24) and tools first, as under `npm run`, even when this was started otherwise. */
const BIN_PATH = [dirname(process.execPath), resolve("node_modules/.bin"), process.env.PATH].join(delimiter);

const PHASES: Phase[] = [
  // Type errors in every folder (src, tests, scripts): tsconfig includes them all.
  {
    name: "typecheck",
    command: "npx astro check",
    after: [],
    // `astro check` syncs the content layer: not in the cache the builds beside it use.
    env: { ASTRO_CACHE_DIR: resolve("node_modules/.cache/mirrorsite/astro-check") },
  },
  { name: "lint", command: "npm run lint", after: ["typecheck"] },
  { name: "unit", command: "npx vitest run --project unit", after: ["lint"] },
  { name: "integration", command: "npx vitest run --project integration", after: ["unit", "tools"] },
  // The Debian packages the tests run (dnf, aria2, LibreOffice, Chromium), one apt at a time.
  {
    name: "tools",
    command: "node scripts/ensure-dnf.ts && node scripts/ensure-libreoffice.ts && node scripts/ensure-chromium.ts",
    after: [],
  },
  { name: "build", command: "npm run build", after: [] },
  { name: "fixture sites", command: "node tests/e2e/fixture-sites.ts", after: ["build"] },
  // One worker: the browser suite runs beside it.
  { name: "build tests", command: "npx vitest run --project build --maxWorkers=1", after: ["fixture sites", "tools"] },
  { name: "e2e", command: "npx playwright test", after: ["fixture sites", "tools", "integration"] },
];

type Outcome = { state: "passed" | "failed"; seconds: number } | { state: "skipped" };

const seconds = (since: number): number => (performance.now() - since) / 1000;

/** Runs `phase` through the shell, its output into its log file. */
function run(phase: Phase): Promise<{ passed: boolean; seconds: number; log: string }> {
  const log = join(LOGS, `${phase.name.replaceAll(" ", "-")}.log`);
  const out = createWriteStream(log);
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(phase.command, {
      shell: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PATH: BIN_PATH, ASTRO_TELEMETRY_DISABLED: "1", ...phase.env },
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on("close", (code) => out.end(() => done({ passed: code === 0, seconds: seconds(started), log })));
  });
}

async function main(names: readonly string[]): Promise<number> {
  const unknown = names.filter((name) => !PHASES.some((p) => p.name === name));
  if (unknown.length > 0) {
    console.error(`no phase ${unknown.join(", ")}; the phases: ${PHASES.map((p) => p.name).join(", ")}`);
    return 2;
  }
  const phases =
    names.length === 0
      ? PHASES
      : PHASES.filter((p) => names.includes(p.name)).map((p) => ({
          ...p,
          after: p.after.filter((a) => names.includes(a)),
        }));
  mkdirSync(LOGS, { recursive: true });
  const started = performance.now();
  const outcomes = new Map<string, Outcome>();
  const running = new Map<string, Promise<void>>();
  const failedLogs: { name: string; log: string }[] = [];

  /** Starts every phase whose prerequisites are settled: run if all passed, skipped otherwise. */
  const startReady = (): void => {
    for (const phase of phases) {
      if (outcomes.has(phase.name) || running.has(phase.name)) continue;
      const before = phase.after.map((name) => outcomes.get(name));
      if (before.some((o) => o === undefined)) continue;
      if (before.some((o) => o?.state !== "passed")) {
        // Phases come after the ones they need: a later one that needs this one sees it settled.
        outcomes.set(phase.name, { state: "skipped" });
        console.log(`- ${phase.name}: skipped (a phase it needs failed)`);
        continue;
      }
      console.log(`▶ ${phase.name}: ${phase.command}`);
      running.set(
        phase.name,
        run(phase).then(({ passed, seconds, log }) => {
          running.delete(phase.name);
          outcomes.set(phase.name, { state: passed ? "passed" : "failed", seconds });
          console.log(`${passed ? "✔" : "✖"} ${phase.name} (${seconds.toFixed(1)} s)`);
          if (!passed) failedLogs.push({ name: phase.name, log });
          startReady();
        }),
      );
    }
  };
  startReady();
  while (running.size > 0) await Promise.race(running.values());

  for (const { name, log } of failedLogs) {
    console.log(`\n──── ${name} failed; its output (${log}) ────`);
    process.stdout.write(readFileSync(log, "utf8"));
  }
  console.log("\nWall time of each phase:");
  for (const phase of phases) {
    const outcome = outcomes.get(phase.name);
    const time = outcome && outcome.state !== "skipped" ? `${outcome.seconds.toFixed(1).padStart(7)} s` : "        -";
    console.log(`  ${phase.name.padEnd(14)}${time}  ${outcome?.state ?? "not run"}`);
  }
  console.log(`  ${"total".padEnd(14)}${seconds(started).toFixed(1).padStart(7)} s`);
  console.log(`Logs: ${LOGS}/`);
  return failedLogs.length === 0 && [...outcomes.values()].every((o) => o.state === "passed") ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
