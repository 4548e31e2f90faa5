/**
 * Rules over names across files. A name belongs to one file: every file that shares it is an
 * error naming the others, and only the one file named after the mirror (`<name>.yml` or
 * `<name>.yaml`) stays listed; when none or several are, none is. A file named otherwise is a
 * warning, since the file name is where a reviewer looks for a second file of the same mirror.
 */

import type { DiagnosticCode } from "../diagnostic-catalogue.ts";
import { type Diagnostic, type DiagnosticParams, makeDiagnostic } from "../diagnostics.ts";
import type { Mirror } from "../types.ts";
import type { SourcePlaces } from "./source-places.ts";

/** The mirrors that keep their listing, and the diagnostics on the others. */
export function checkMirrorNames(
  candidates: readonly Mirror[],
  places: SourcePlaces,
): { kept: Mirror[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (mirror: Mirror, severity: Diagnostic["severity"], code: DiagnosticCode, params: DiagnosticParams) =>
    diagnostics.push(
      makeDiagnostic(mirror.file, places.positionOf(mirror.file, ["name"]), severity, code, ["name"], params),
    );

  const byName = new Map<string, Mirror[]>();
  for (const m of candidates) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
  const kept: Mirror[] = [];
  for (const [name, group] of byName) {
    const namedAfter = group.filter(isNamedAfterItsMirror);
    const keeper = namedAfter.length === 1 ? namedAfter[0] : undefined;
    if (group.length === 1 || keeper) kept.push(keeper ?? (group[0] as Mirror));
    if (group.length === 1) continue;
    for (const mirror of group) {
      const others = group.filter((m) => m !== mirror).map((m) => m.file);
      const outcome =
        keeper === mirror
          ? { variant: "kept" }
          : keeper
            ? { variant: "other-kept", keeper: keeper.file }
            : { variant: "none" };
      report(mirror, "error", "duplicate-name", { name, others: others.join(", "), ...outcome });
    }
  }
  for (const mirror of candidates) {
    if (isNamedAfterItsMirror(mirror)) continue;
    report(mirror, "warning", "file-name-mismatch", { name: mirror.name });
  }
  return { kept, diagnostics };
}

function isNamedAfterItsMirror(mirror: Mirror): boolean {
  const base = mirror.file.split(/[\\/]/).pop() ?? "";
  return base === `${mirror.name}.yml` || base === `${mirror.name}.yaml`;
}
