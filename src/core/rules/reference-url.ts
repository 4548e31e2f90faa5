/**
 * Rule: `reference_url` in `config.yml` (our extension of upstream's v3), the origin trees whose
 * `repomd.xml` files define "current" for the checker. Either one URL (the main tree) or a mapping
 * of `main` and optional module names (`kitten`) to their trees. Each must be an http(s) URL with
 * a host; it is read as a folder (a trailing `/` is added).
 */
import { LIST_SEPARATOR } from "../diagnostic-text.ts";
import type { FileReporter } from "./reporter.ts";

/** Tree (`main`, or an optional module such as `kitten`) → base URL ending with `/`. */
export type ReferenceUrls = ReadonlyMap<string, string>;

export function normaliseReferenceUrls(r: FileReporter, modules: ReadonlySet<string>): ReferenceUrls {
  const raw = r.source.value.reference_url;
  const urls = new Map<string, string>();
  if (raw === undefined || raw === null) return urls;
  if (typeof raw === "string") {
    const url = webFolder(r, raw, ["reference_url"]);
    if (url !== null) urls.set("main", url);
    return urls;
  }
  if (typeof raw !== "object" || Array.isArray(raw)) return urls;
  for (const [tree, value] of Object.entries(raw)) {
    if (tree !== "main" && !modules.has(tree)) {
      r.report(
        "error",
        "unknown-reference-tree",
        ["reference_url", tree],
        { tree, modules: [...modules].join(LIST_SEPARATOR) },
        { at: "key" },
      );
      continue;
    }
    if (typeof value !== "string") continue;
    const url = webFolder(r, value, ["reference_url", tree]);
    if (url !== null) urls.set(tree, url);
  }
  return urls;
}

function webFolder(r: FileReporter, text: string, path: string[]): string | null {
  const url = URL.parse(text.trim());
  if (url === null || (url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    r.report("error", "bad-reference-url", path, { variant: "url", path: path.join(".") });
    return null;
  }
  if (url.username !== "" || url.password !== "") {
    r.report("error", "bad-reference-url", path, { variant: "credentials", path: path.join(".") });
    return null;
  }
  url.hash = "";
  url.search = "";
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}
