/** One mirror file: parse, validate (schema, then rules), normalise. Pure: text in, data out. */
import type { CheckOptions } from "./check-options.ts";
import { compareDiagnostics, type Diagnostic, makeDiagnostic } from "./diagnostics.ts";
import { holdsAtSign } from "./email-shape.ts";
import { checkFieldFormats } from "./rules/field-formats.ts";
import { normaliseLocation } from "./rules/location.ts";
import { normaliseNetworks } from "./rules/network.ts";
import { checkPublishedText } from "./rules/published-text.ts";
import { checkPrivateReach } from "./rules/reach.ts";
import { fileReporter, isRecord } from "./rules/reporter.ts";
import { checkUnknownKeys, reportsUnknownMirrorKey } from "./rules/unknown-keys.ts";
import { checkSponsorUrl, normaliseAddresses } from "./rules/urls.ts";
import { coerceYaml11Booleans } from "./rules/yaml11-booleans.ts";
import { schemaDiagnostics } from "./schema/check-schema.ts";
import type { MirrorFile } from "./schema/schema-types.ts";
import { validators } from "./schema/validators.ts";
import type { Mirror } from "./types.ts";
import { MAX_MIRROR_FILE_CHARS, parseYamlSource } from "./yaml-source.ts";

export interface MirrorFileResult {
  /** The normalised mirror, or null when the file has any error. */
  mirror: Mirror | null;
  diagnostics: Diagnostic[];
  /** The file's contact (`email`), when it holds an at sign: never published, looked for in the output. */
  contact: string | null;
}

/** Checks one mirror file. `options` come from the loader; without them private addresses are refused. */
export function checkMirrorFile(file: string, text: string, options: CheckOptions = {}): MirrorFileResult {
  const parsed = parseYamlSource(file, text, MAX_MIRROR_FILE_CHARS);
  const named = fileNameDiagnostics(file);
  if (parsed.source === null) return { mirror: null, diagnostics: [...named, ...parsed.diagnostics], contact: null };
  const source = parsed.source;
  const contact =
    typeof source.value.email === "string" && holdsAtSign(source.value.email) ? source.value.email.trim() : null;
  const r = fileReporter(source, [...named, ...parsed.diagnostics]);
  coerceYaml11Booleans(r);
  r.diagnostics.push(...schemaDiagnostics(validators().mirror, source, reportsUnknownMirrorKey));
  const schemaValid = !r.diagnostics.some((d) => d.severity === "error");

  // The rules run even when the schema failed, so that one run reports every problem.
  checkUnknownKeys(r);
  const urls = normaliseAddresses(r, ["address"], options);
  const kittenUrls = isRecord(source.value.address_optional)
    ? normaliseAddresses(r, ["address_optional", "kitten"], options)
    : null;
  const sponsorUrl = checkSponsorUrl(r, options);
  const location = normaliseLocation(r);
  const networks = normaliseNetworks(r, options);
  checkPrivateReach(r, networks);
  checkPublishedText(r);
  checkFieldFormats(r);

  r.diagnostics.sort(compareDiagnostics);
  const valid = schemaValid && !r.diagnostics.some((d) => d.severity === "error");
  if (!valid || urls === null || sponsorUrl === null) return { mirror: null, diagnostics: r.diagnostics, contact };
  // The schema held (YAML 1.1 booleans coerced before it ran): the value has the file's shape.
  const v = source.value as unknown as MirrorFile;
  const mirror: Mirror = {
    name: v.name.toLowerCase(),
    file,
    urls,
    kittenUrls: kittenUrls !== null && Object.keys(kittenUrls).length > 0 ? kittenUrls : null,
    updateFrequency: v.update_frequency.trim(),
    sponsor: v.sponsor.trim(),
    sponsorUrl,
    location,
    private: v.private === true,
    monopoly: v.monopoly === true,
    subnets: networks.subnets,
    subnetsUrl: networks.subnetsUrl,
    asns: networks.asns,
    cloud:
      v.cloud_type !== undefined && v.cloud_regions !== undefined
        ? { type: v.cloud_type, regions: v.cloud_regions }
        : null,
  };
  return { mirror, diagnostics: r.diagnostics, contact };
}

/**
 * A file name with an at sign is refused: the site publishes file names (a mirror page's edit
 * link), and `ivan@example.org.yml` would publish an address. The folders above it may hold one.
 */
function fileNameDiagnostics(file: string): Diagnostic[] {
  const name = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
  return holdsAtSign(name) ? [makeDiagnostic(file, { line: 1, column: 1 }, "error", "at-sign-in-file-name", [])] : [];
}
