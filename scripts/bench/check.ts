/**
 * The mirror checker end to end (docs/PERFORMANCE.md, "Mirror checker"): `check-mirrors`
 * over 530 loopback mirrors named after the real registry's, each served by its own local
 * server on 127.0.0.1 (in a separate process, as real mirrors are elsewhere) with the full
 * repodata set, TIME, each image folder's CHECKSUM and Kitten where the real mirror lists it, and
 * one more playing the origin (`reference_url`), so that every mirror's repomd.xml files are
 * hashed and compared with the origin's, and every image folder's CHECKSUM (config `images`:
 * isos, cloud, live, raspberrypi of every current version and arch) with the origin's. Measures the whole process (load, check, write) and its peak
 * memory; target: under 60 s.
 */
import { fork, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadRegistry } from "../../src/core/load.ts";
import { mirrorHandler } from "./_fake-mirror.ts";
import { type Row, report } from "./_report.ts";

if (process.argv[2] === "--serve") {
  // Child mode: one fresh fake mirror per port; reports its ports, then counts requests.
  const count = Number(process.argv[3]);
  let requests = 0;
  const handle = mirrorHandler({}, () => requests++);
  const ports: number[] = [];
  for (let i = 0; i < count; i++) {
    const server = createServer({ keepAliveTimeout: 30_000 }, handle);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    ports.push((server.address() as AddressInfo).port);
  }
  process.send?.({ ports });
  process.on("message", () => process.send?.({ requests }));
} else {
  await bench();
}

async function bench(): Promise<void> {
  const real = loadRegistry({ mirrorsDir: "mirrors.d", configFile: "config.yml" });
  const dir = mkdtempSync(join(tmpdir(), "check-bench-"));
  mkdirSync(join(dir, "mirrors.d"));
  const servers = fork(import.meta.filename, ["--serve", String(real.mirrors.length + 1)], { stdio: "inherit" });
  const ports = await new Promise<number[]>((resolve) =>
    servers.once("message", (m) => resolve((m as { ports: number[] }).ports)),
  );
  // The last server plays the origin: the real config, its reference pointed at it.
  const origin = `http://127.0.0.1:${ports.at(-1)}`;
  const config = readFileSync("config.yml", "utf8").replace(
    /^reference_url:\n(?: {2}.*\n)+/m,
    `reference_url:\n  main: ${origin}/almalinux/\n  kitten: ${origin}/kitten/\n`,
  );
  if (!config.includes(origin)) throw new Error("config.yml has no reference_url block to point at the origin");
  writeFileSync(join(dir, "config.yml"), config);
  // The real names, sponsors and countries; every mirror public, at its own loopback port.
  real.mirrors.forEach((mirror, i) => {
    const base = `http://127.0.0.1:${ports[i]}`;
    const kitten = mirror.kittenUrls === null ? "" : `address_optional:\n  kitten:\n    http: ${base}/kitten/\n`;
    writeFileSync(
      join(dir, "mirrors.d", `${mirror.name}.yml`),
      `---\nname: ${mirror.name}\naddress:\n  http: ${base}/almalinux/\n${kitten}update_frequency: 3h\nsponsor: ${JSON.stringify(mirror.sponsor)}\nsponsor_url: ${mirror.sponsorUrl}\nemail: noc@example.org\ngeolocation:\n  country: ${mirror.location?.country ?? "DE"}\n`,
    );
  });

  const runs = [
    { label: "full set (repodata, TIME, Kitten, image folders' CHECKSUMs)", args: [] as string[] },
    { label: "repodata and TIME only (`--no-isos`)", args: ["--no-isos"] },
  ];
  const rows: Row[] = [];
  let before = 0;
  for (const { label, args } of runs) {
    const out = join(dir, "status.json");
    const result = await runChecker([
      "--mirrors-dir",
      join(dir, "mirrors.d"),
      "--config",
      join(dir, "config.yml"),
      "--out",
      out,
      ...args,
    ]);
    const total = await new Promise<number>((resolve) => {
      servers.once("message", (m) => resolve((m as { requests: number }).requests));
      servers.send("count");
    });
    const requests = total - before;
    before = total;
    const status = JSON.parse(readFileSync(out, "utf8")) as {
      mirrors: Record<string, { state: string; lag_seconds?: number; images?: Record<string, { state: string }> }>;
      images?: Record<string, unknown>;
    };
    const states = Object.values(status.mirrors).filter((m) => m.state === "ok").length;
    const inSync = Object.values(status.mirrors).filter((m) => m.lag_seconds === 0).length;
    rows.push(
      {
        metric: `whole run, ${label}, every \`repomd.xml\` hashed and matched with the origin's`,
        figure: `${result.seconds.toFixed(1)} s`,
        value: result.seconds,
        target: { comparison: "<", value: 60, unit: "s" },
        note: `${requests.toLocaleString("en")} requests, ${Math.round(requests / result.seconds).toLocaleString("en")}/s`,
      },
      {
        metric: `peak memory (RSS) of the checker process, ${label}`,
        figure: `${Math.round(result.maxRssKiB / 1024)} MiB`,
      },
      {
        metric: `every mirror found \`ok\`, and in sync with the origin, ${label}`,
        figure: `${Math.min(states, inSync)} of ${Object.keys(status.mirrors).length}`,
        value: Math.min(states, inSync),
        target: { comparison: "=", value: real.mirrors.length, unit: "mirrors" },
        note: `${states} \`ok\`, ${inSync} with every \`repomd.xml\` matching the origin's`,
      },
    );
    if (args.length === 0) {
      const folders = Object.keys(status.images ?? {}).length;
      const verified = Object.values(status.mirrors).filter((m) => {
        const states = Object.values(m.images ?? {});
        return states.length === folders && states.every((f) => f.state === "verified");
      }).length;
      rows.push({
        metric: `every image folder of every mirror verified against the origin's CHECKSUM (${folders} folders each)`,
        figure: `${verified} of ${Object.keys(status.mirrors).length}`,
        value: verified,
        target: { comparison: "=", value: real.mirrors.length, unit: "mirrors" },
      });
    }
  }
  servers.kill();
  rmSync(dir, { recursive: true, force: true });
  report(rows);
}

/** Runs the CLI as its own process; its peak RSS comes from a hook that prints it at exit. */
async function runChecker(args: string[]): Promise<{ seconds: number; maxRssKiB: number }> {
  const hook =
    "data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss='+process.resourceUsage().maxRSS+'\\n'))";
  const started = performance.now();
  // The fake mirrors are on loopback, which the checker connects to only when told to.
  const child = spawn(process.execPath, ["--import", hook, "scripts/check-mirrors.ts", ...args], {
    stdio: ["ignore", "inherit", "pipe"],
    env: { ...process.env, MIRRORS_ALLOW_PRIVATE_ADDRESSES: "1" },
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`check-mirrors exited with ${code}:\n${stderr.slice(-2000)}`);
  return { seconds, maxRssKiB: Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? 0) };
}
