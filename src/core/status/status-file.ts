/**
 * Reading the status file (`MIRRORS_STATUS`): parse, validate against `statusSchema` (its frame,
 * then each entry, with the validators `npm run generate` precompiles from it), and say
 * what is wrong at its line and column. A broken file never throws: a file-level problem
 * gives an error and no status (the site shows "not checked"); a bad entry is left out with
 * a warning and the other mirrors keep theirs.
 */
import type { DiagnosticCode } from "../diagnostic-catalogue.ts";
import {
  type Diagnostic,
  type DiagnosticParams,
  makeDiagnostic,
  type Position,
  type Severity,
} from "../diagnostics.ts";
import { statusSchemaProblem } from "../schema/check-schema.ts";
import { validateStatusEntry, validateStatusFrame } from "../schema/compiled-data-validators.js";
import type { MirrorStatus, StatusFile } from "../types.ts";
import type { ValuePath } from "../value-path.ts";
import { historyProblem } from "./history.ts";
import { jsonPositions } from "./json-positions.ts";

/**
 * A status file of 530 mirrors is about 0.5 MiB; anything far past this is not ours. The
 * loader refuses a larger file by its size, before reading it.
 */
export const MAX_STATUS_BYTES = 32 * 1024 * 1024;

/** How many bad entries are reported one by one; the rest are counted in one more warning. */
export const MAX_ENTRY_WARNINGS = 100;

export interface StatusFileResult {
  status: StatusFile | null;
  diagnostics: Diagnostic[];
}

/** Parses and validates a status file's text. Pure. */
export function parseStatusFile(file: string, text: string): StatusFileResult {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Severity, code: DiagnosticCode, pos: Position, path: ValuePath, params: DiagnosticParams) =>
    diagnostics.push(makeDiagnostic(file, pos, severity, code, path, params));
  const top = { line: 1, column: 1 };

  if (text.length > MAX_STATUS_BYTES) {
    report("error", "status-too-large", top, [], { variant: "chars", size: text.length, limit: MAX_STATUS_BYTES });
    return { status: null, diagnostics };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report("error", "status-syntax", positionOfSyntaxError(text, message), [], {
      detail: message.replace(/ in JSON at position \d+.*$/, ""),
    });
    return { status: null, diagnostics };
  }

  const positions = jsonPositions(text);
  if (!validateStatusFrame(value)) {
    const { path, params } = statusSchemaProblem(validateStatusFrame.errors?.[0], []);
    report("error", "status-schema", positions(path), path, params);
    return { status: null, diagnostics };
  }
  // The frame held: the file has its shape, its entries still unchecked.
  const raw = value as Omit<StatusFile, "mirrors"> & { mirrors: Record<string, unknown> };
  // Kept as own properties (`Object.fromEntries` defines them, where `mirrors[name] = …` would
  // set the prototype for a key `__proto__`); readers look entries up with `ownValue`.
  const kept: [string, MirrorStatus][] = [];
  // An entry is trusted whole or not at all: a history that breaks its schema or does not add
  // up leaves the entry out, so the checker starts that mirror's history afresh. The first bad
  // entries are reported one by one, the rest counted: a file at the size cap may hold a
  // million, whose warnings alone would cost gigabytes.
  let unreported = 0;
  for (const [name, entry] of Object.entries(raw.mirrors)) {
    let problem: DiagnosticParams;
    let path: ValuePath;
    if (validateStatusEntry(entry)) {
      const { history } = entry as MirrorStatus;
      const inconsistent = history === undefined ? null : historyProblem(history);
      if (inconsistent === null) {
        kept.push([name, entry as MirrorStatus]);
        continue;
      }
      path = ["mirrors", name, ...inconsistent.path];
      problem = { problem: "other", where: "path", path: path.join("."), detail: inconsistent.message };
    } else {
      ({ path, params: problem } = statusSchemaProblem(validateStatusEntry.errors?.[0], ["mirrors", name]));
    }
    if (diagnostics.length < MAX_ENTRY_WARNINGS) report("warning", "status-entry", positions(path), path, problem);
    else unreported++;
  }
  if (unreported > 0) {
    report("warning", "status-entry", positions(["mirrors"]), ["mirrors"], { variant: "more", count: unreported });
  }
  // The reference's repomd.xml history (validated whole above, its keys repo paths) goes on to
  // the next check run and to the build's export, which serves its hashes in metalinks.
  const repomd = raw.repomd === undefined ? {} : { repomd: raw.repomd };
  // The origin's image folders (validated whole above, keyed by folder) go on the same way.
  const images = raw.images === undefined ? {} : { images: raw.images };
  return {
    status: { checked_at: raw.checked_at, ...repomd, ...images, mirrors: Object.fromEntries(kept) },
    diagnostics,
  };
}

/** V8 says "… in JSON at position 12 (line 2 column 3)"; older messages only the position. */
function positionOfSyntaxError(text: string, message: string): Position {
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const offset = /at position (\d+)/.exec(message);
  if (!offset) return { line: 1, column: 1 };
  const before = text.slice(0, Number(offset[1]));
  const line = before.split("\n").length;
  return { line, column: before.length - before.lastIndexOf("\n") };
}
