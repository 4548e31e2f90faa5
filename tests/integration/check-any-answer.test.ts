/**
 * Hostile: whatever a mirror's server sends back (a status line with any number, headers and a
 * body of any bytes, or no HTTP at all), the checker writes an entry that the status file's own
 * schema accepts. An entry the schema refuses is dropped by the next build ("not checked") and
 * distrusted by the next run, which restarts the mirror's history: a mirror answering
 * `HTTP/1.1 999` could erase its record. A real loopback TCP server sends each answer.
 */
import { createServer, type Server, type Socket } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRegistry, type RunOptions } from "../../scripts/check/check-registry.ts";
import { tableResolver } from "../../scripts/check/resolve.ts";
import { validateStatusEntry } from "../../src/core/schema/compiled-data-validators.js";
import type { Mirror, MirrorStatus } from "../../src/core/types.ts";
import { checkFixture } from "../fixtures/check/check-fixture.ts";

const { config, template } = checkFixture();

/** What the server sends to every connection, then it closes. */
let answer: Uint8Array = new Uint8Array();
let server: Server;
let port = 0;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    // Answer once the request has arrived, then close: the client reads what came.
    socket.once("data", () => socket.end(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  port = typeof address === "object" && address !== null ? address.port : 0;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const options = (): RunOptions => ({
  resolve: tableResolver({ "any.example.org": { ipv4: ["127.0.0.1"], ipv6: [], failure: null } }),
  userAgent: "mirrorsite/test check-mirrors",
  concurrency: 4,
  globalLimit: 8,
  perHostLimit: 2,
  timeoutMs: 1000,
  mirrorTimeoutMs: 3000,
  maxRedirects: 2,
  allowPrivateAddresses: true,
  checkIsos: false,
  references: [],
  previousRepomd: new Map(),
  previousMirrors: new Map(),
  previousImages: new Map(),
});

/** One check of a mirror served by the loopback server, answering `bytes` to every request. */
async function checkWith(bytes: Uint8Array): Promise<MirrorStatus> {
  answer = bytes;
  const mirror = {
    ...template,
    name: "any.example.org",
    urls: { http: `http://any.example.org:${port}/almalinux/` },
    kittenUrls: null,
  } as Mirror;
  const { status } = await checkRegistry([mirror], config, options());
  const entry = status.mirrors["any.example.org"];
  if (entry === undefined) throw new Error("no entry for the mirror");
  return entry;
}

const text = (s: string) => new TextEncoder().encode(s);

describe("the checker's entry for any answer", () => {
  it("is broken, in words, for a status no HTTP has, never the number", async () => {
    for (const status of ["999", "099", "600", "000"]) {
      const entry = await checkWith(text(`HTTP/1.1 ${status} Whatever\r\nContent-Length: 0\r\n\r\n`));
      expect(validateStatusEntry(entry), JSON.stringify(validateStatusEntry.errors)).toBe(true);
      expect(entry, status).toMatchObject({ state: "broken", reason_code: "base-failed" });
      expect(entry.reason).toMatch(/^The base URL http:.* failed: answered with an invalid status line$/);
      expect(entry.http_status).toBeUndefined();
    }
  }, 60_000);

  it("passes the status file's schema, whatever the server sends", async () => {
    const statusLine = fc
      .tuple(
        fc.constantFrom("HTTP/1.1", "HTTP/1.0", "HTTP/2", "ICY", ""),
        fc.integer({ min: 0, max: 1200 }),
        fc.string(),
      )
      .map(([version, code, phrase]) => `${version} ${String(code).padStart(3, "0")} ${phrase}\r\n`);
    const header = fc.tuple(fc.constantFrom("Content-Length", "Location", "Transfer-Encoding", "X-A"), fc.string());
    const httpAnswer = fc
      .tuple(statusLine, fc.array(header, { maxLength: 3 }), fc.string({ maxLength: 64 }))
      .map(([line, headers, body]) => text(`${line}${headers.map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n${body}`));
    await fc.assert(
      fc.asyncProperty(fc.oneof(httpAnswer, fc.uint8Array({ maxLength: 64 })), async (bytes) => {
        const entry = await checkWith(bytes);
        expect(validateStatusEntry(entry), JSON.stringify([validateStatusEntry.errors, entry])).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 240_000);
});
