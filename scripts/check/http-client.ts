/**
 * The checker's HTTP client, over `node:http`/`node:https` with keep-alive agents. Every
 * request is bounded: a deadline for the whole exchange (so a server that trickles bytes
 * costs at most the timeout), a cap on the body, a few redirects, one retry when a kept-alive
 * connection turns out closed. Requests go to an address of the family asked for, so IPv4
 * and IPv6 can be judged apart. It never throws: every ending is a `RequestOutcome`.
 *
 * It never reaches inside: before every connection (the first request and every redirect hop)
 * the host is looked up, within the request's deadline, and only an address the core's
 * policy allows (`barredRange`: public ones) is connected to: that very address, with no
 * second lookup. A redirect is followed only within the mirror's own host (`redirectStep`),
 * so a redirect elsewhere is neither looked up nor connected to.
 */
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { sortAddresses } from "../../src/core/status/address-policy.ts";
import { redirectStep } from "../../src/core/status/redirects.ts";
import {
  answerOutcome,
  failureFromErrorCode,
  type NetworkFailure,
  type RequestOutcome,
} from "../../src/core/status/request-outcome.ts";
import { KeyedLimiter, Limiter } from "./limiter.ts";
import { type ResolveHost, resolveWithin } from "./resolve.ts";

export type Family = 4 | 6;

export interface ClientOptions {
  resolve: ResolveHost;
  userAgent: string;
  /** Requests in flight over the whole run. */
  globalLimit: number;
  /** Requests in flight to one host (`host:port`). */
  perHostLimit: number;
  /** Per request, in milliseconds, redirects included. */
  timeoutMs: number;
  maxRedirects: number;
  /** Connect to loopback and private addresses too (`MIRRORS_ALLOW_PRIVATE_ADDRESSES=1`, tests only). */
  allowPrivateAddresses: boolean;
}

export interface RequestOptions {
  method: "GET" | "HEAD";
  /**
   * `read` keeps the body as text (longer than `maxBytes` is a failure); `discard` answers at
   * the headers, draining a body of known length up to `maxBytes` so the connection is reused.
   */
  body: "read" | "discard";
  maxBytes: number;
  family: Family;
  /** Aborts the request (the mirror's whole-check deadline). */
  signal?: AbortSignal;
}

type HopResult =
  | { kind: "response"; status: number; location: string | null; body: Buffer | null }
  | { kind: "failure"; failure: NetworkFailure };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The mirror's deadline passed; the caller knows, and discards the outcome. */
const ABORTED: NetworkFailure = { type: "other", code: "ABORTED" };

/** The limits shared by every session of a run. */
export class HttpClient {
  readonly options: ClientOptions;
  readonly global: Limiter;
  readonly perHost: KeyedLimiter;

  constructor(options: ClientOptions) {
    this.options = options;
    this.global = new Limiter(options.globalLimit);
    this.perHost = new KeyedLimiter(options.perHostLimit);
  }

  /**
   * A session for one mirror: its own kept-alive connections, closed with it, so that a run
   * over hundreds of mirrors does not hold thousands of idle sockets.
   */
  session(): HttpSession {
    return new HttpSession(this);
  }
}

/** Requests of one mirror's check, over connections that end with `close()`. */
export class HttpSession {
  readonly #options: ClientOptions;
  readonly #global: Limiter;
  readonly #perHost: KeyedLimiter;
  readonly #agents: { http: http.Agent; https: https.Agent };

  constructor(client: HttpClient) {
    this.#options = client.options;
    this.#global = client.global;
    this.#perHost = client.perHost;
    const perHost = client.options.perHostLimit;
    const agentOptions = { keepAlive: true, maxSockets: perHost, maxFreeSockets: perHost };
    this.#agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  }

  /**
   * Fetches `url` over the given family; redirects within the mirror are followed up to the
   * limit. The outcome names `url`, never a URL a redirect gave.
   */
  async request(url: string, options: RequestOptions): Promise<RequestOutcome> {
    const started = performance.now();
    const deadline = started + this.#options.timeoutMs;
    const done = (result: HopResult): RequestOutcome =>
      result.kind === "response"
        ? answerOutcome(url, result.status, result.body, elapsed(started))
        : { kind: "failure", url, failure: result.failure, ms: elapsed(started) };

    let current = url;
    for (let redirects = 0; ; redirects++) {
      let result = await this.#hopWithLimits(current, options, deadline);
      // One retry, for a connection closed under us (most often a kept-alive one the server dropped).
      if (result.kind === "failure" && result.failure.type === "reset" && !options.signal?.aborted) {
        result = await this.#hopWithLimits(current, options, deadline);
      }
      if (result.kind !== "response" || result.location === null || !REDIRECTS.has(result.status)) {
        return done(result);
      }
      const step = redirectStep(current, result.location);
      if (step.kind === "unusable") return done({ ...result, location: null });
      if (step.kind === "away") return done({ kind: "failure", failure: { type: "redirect-away", away: step.away } });
      if (redirects >= this.#options.maxRedirects) {
        return done({ kind: "failure", failure: { type: "redirects", limit: this.#options.maxRedirects } });
      }
      current = step.url;
    }
  }

  /** Closes this session's kept-alive connections. */
  close(): void {
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  async #hopWithLimits(url: string, options: RequestOptions, deadline: number): Promise<HopResult> {
    const parsed = new URL(url);
    return this.#perHost.run(parsed.host, () => this.#global.run(() => this.#hop(parsed, options, deadline)));
  }

  async #hop(url: URL, options: RequestOptions, deadline: number): Promise<HopResult> {
    const seconds = this.#options.timeoutMs / 1000;
    const timeout: NetworkFailure = { type: "timeout", seconds };
    if (deadline - performance.now() <= 0) return { kind: "failure", failure: timeout };
    const addresses = await resolveWithin(
      this.#options.resolve,
      url.hostname,
      deadline - performance.now(),
      options.signal,
    );
    if (addresses === "aborted") return { kind: "failure", failure: ABORTED };
    if (addresses === "timeout") return { kind: "failure", failure: { type: "dns-timeout", seconds } };
    const ofFamily = options.family === 4 ? addresses.ipv4 : addresses.ipv6;
    const { allowed, refused } = sortAddresses(ofFamily, { allowPrivate: this.#options.allowPrivateAddresses });
    const address = allowed[0];
    if (address === undefined) {
      if (refused.length > 0) {
        return { kind: "failure", failure: { type: "address-refused", host: url.hostname, refused } };
      }
      return {
        kind: "failure",
        failure: addresses.failure ?? { type: "dns", code: `NO_IPV${options.family}_ADDRESS` },
      };
    }
    const remaining = deadline - performance.now();
    if (remaining <= 0) return { kind: "failure", failure: timeout };
    const secure = url.protocol === "https:";
    const hostname = url.hostname.replace(/^\[|\]$/g, "");

    return new Promise<HopResult>((resolve) => {
      let settled = false;
      const finish = (result: HopResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        resolve(result);
      };
      const fail = (failure: NetworkFailure) => {
        finish({ kind: "failure", failure });
        req.destroy();
      };
      const onAbort = () => fail(ABORTED);
      const timer = setTimeout(() => fail(timeout), remaining);

      const req = (secure ? https : http).request({
        // The checked address itself; should anything look a name up again, it gets this one.
        host: address,
        lookup: pinnedLookup(address, options.family),
        family: options.family,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: options.method,
        agent: secure ? this.#agents.https : this.#agents.http,
        headers: {
          Host: url.host,
          "User-Agent": this.#options.userAgent,
          Accept: "*/*",
          "Accept-Encoding": "identity",
        },
        // TLS checks the certificate against the name, not the address we connect to.
        ...(secure && isIP(hostname) === 0 ? { servername: hostname } : {}),
      });
      options.signal?.addEventListener("abort", onAbort, { once: true });
      req.on("error", (error: NodeJS.ErrnoException) => fail(failureFromErrorCode(error.code ?? "EUNKNOWN")));
      req.on("response", (res) => {
        const status = res.statusCode ?? 0;
        const location = typeof res.headers.location === "string" ? res.headers.location : null;
        res.on("error", (error: NodeJS.ErrnoException) => fail(failureFromErrorCode(error.code ?? "ECONNRESET")));
        res.on("aborted", () => fail({ type: "reset", code: "ECONNRESET" }));
        const answered = (body: Buffer | null) => finish({ kind: "response", status, location, body });
        if (REDIRECTS.has(status) && location !== null) {
          // Hang up rather than drain whatever a redirect carries.
          answered(null);
          res.destroy();
          return;
        }
        if (options.method === "HEAD") {
          res.on("end", () => answered(null));
          res.resume();
          return;
        }
        if (options.body === "discard") {
          // Only the status matters. Drain a short body so the connection can be reused;
          // hang up on a long or unsized one (it may trickle or never end).
          const length = Number(res.headers["content-length"]);
          if (Number.isFinite(length) && length <= options.maxBytes) {
            res.on("end", () => answered(null));
            res.resume();
          } else {
            answered(null);
            res.destroy();
          }
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            fail({ type: "body-too-large", limitBytes: options.maxBytes });
            res.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => answered(Buffer.concat(chunks)));
      });
      req.end();
    });
  }
}

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}

/** A `lookup` that answers every name with the address already checked. */
function pinnedLookup(address: string, family: Family): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}
