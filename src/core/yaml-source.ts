/**
 * YAML parsing that keeps source positions, so every diagnostic can name a line and column.
 * Hostile input (huge files, alias bombs, syntax errors) ends in diagnostics, never a throw.
 *
 * Positions come from the `yaml` package's document API, which is thorough but slow when cold
 * (about 0.35 ms a file). Most registry files are clean and never need a position, so a file is
 * first read with `js-yaml` (several times faster; aliases, duplicate keys and anything unusual
 * make it give up) and the `yaml` document is built only when a diagnostic needs a place.
 */
import { CORE_SCHEMA, load as fastLoad } from "js-yaml";
import { type Document, isMap, isPair, isScalar, isSeq, type Node, parseDocument } from "yaml";
import type { DiagnosticCode } from "./diagnostic-catalogue.ts";
import { type Diagnostic, type DiagnosticParams, makeDiagnostic, type Position, type Severity } from "./diagnostics.ts";
import { isRecord, type ValuePath, valueAt } from "./value-path.ts";

/** The default size limit (the distribution config is about 8 KiB). */
export const MAX_SOURCE_BYTES = 256 * 1024;
/**
 * Real mirror files are under 1 KiB; anything past this is a mistake or an attack. The `yaml`
 * package's work grows with the square of a mapping's keys, so a 256 KiB file of keys took
 * seconds; at 16 KiB every file seen is checked within 200 ms.
 */
export const MAX_MIRROR_FILE_CHARS = 16 * 1024;
/** Registry files need no aliases at all; a few are tolerated, an alias bomb is not. */
const MAX_ALIAS_COUNT = 20;
/** Registry files nest flow collections two or three deep; the parser's stack runs out in the thousands. */
const MAX_FLOW_DEPTH = 64;
/** Past this many syntax errors the rest are echoes of the first ones. */
const MAX_SYNTAX_REPORTS = 20;

export type { ValuePath };

/** A parsed YAML file whose value is a mapping, with the means to point into it. */
export interface YamlSource {
  file: string;
  /** The document's value as plain JavaScript (a mapping). */
  value: Record<string, unknown>;
  /** Position of the value at `path`, or of its key when `at` is `"key"`; the nearest existing parent when missing. */
  positionOf(path: ValuePath, at?: "key" | "value"): Position;
  /** Keys of the mapping at `path`, in source order. */
  keysAt(path: ValuePath): string[];
}

export interface ParseOutcome {
  source: YamlSource | null;
  diagnostics: Diagnostic[];
}

/** Parses `text`, refusing it unread when it has more than `maxChars` characters. */
export function parseYamlSource(file: string, text: string, maxChars = MAX_SOURCE_BYTES): ParseOutcome {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Severity, code: DiagnosticCode, pos: Position, params: DiagnosticParams = {}) =>
    diagnostics.push(makeDiagnostic(file, pos, severity, code, [], params));
  const top: Position = { line: 1, column: 1 };

  if (text.length > maxChars) {
    report("error", "file-too-large", top, { variant: "chars", size: text.length, limit: maxChars });
    return { source: null, diagnostics };
  }
  const deepAt = flowTooDeepAt(text);
  if (deepAt !== null) {
    report("error", "yaml-syntax", positionsIn(text)(deepAt), TOO_DEEP);
    return { source: null, diagnostics };
  }
  const fast = fastMapping(text);
  if (fast !== null) return { source: makeSource(file, text, fast, () => parseWithPositions(text)), diagnostics };

  const { document: doc, toPosition } = parseWithPositions(text);
  let tooDeep = false;
  for (const problem of doc.errors.slice(0, MAX_SYNTAX_REPORTS)) {
    // Nesting deep enough to exhaust the parser's stack is said once, in words, not as the engine's error.
    if (/call stack|stack overflow/i.test(problem.message)) {
      if (!tooDeep) report("error", "yaml-syntax", toPosition(problem.pos[0]), TOO_DEEP);
      tooDeep = true;
      continue;
    }
    // Duplicate keys are tolerated as upstream's loader does (the last one wins), but said.
    const at = toPosition(problem.pos[0]);
    if (problem.code === "DUPLICATE_KEY") report("warning", "duplicate-key", at);
    else report("error", "yaml-syntax", at, { variant: "parser", detail: firstLine(problem.message), ...at });
  }
  if (diagnostics.some((d) => d.severity === "error")) return { source: null, diagnostics };

  if (doc.contents === null) {
    report("error", "empty-file", top);
    return { source: null, diagnostics };
  }
  if (!isMap(doc.contents)) {
    report("error", "not-a-mapping", rangeStart(doc.contents, toPosition) ?? top);
    return { source: null, diagnostics };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    report("error", "yaml-aliases", top, { limit: MAX_ALIAS_COUNT });
    return { source: null, diagnostics };
  }
  return {
    source: makeSource(file, text, value as Record<string, unknown>, () => ({
      document: doc,
      toPosition,
    })),
    diagnostics,
  };
}

const TOO_DEEP: DiagnosticParams = { variant: "too-deep" };

interface PositionedDocument {
  document: Document.Parsed;
  toPosition: (offset: number) => Position;
}

function parseWithPositions(text: string): PositionedDocument {
  const document = parseDocument(text, { prettyErrors: false });
  return { document, toPosition: positionsIn(text) };
}

/**
 * Offset → line and column, from the text's own line breaks. (`yaml`'s `LineCounter` misses the
 * line breaks inside some malformed plain scalars, such as `key: *x y` followed by an indented
 * line, and then placed a diagnostic on an earlier line, past its end.)
 */
function positionsIn(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}

/**
 * Offset where `[`/`{` nesting first passes `MAX_FLOW_DEPTH`, or null. Quotes are followed only
 * roughly (a quote in a block scalar such as `O'Reilly` may hide later brackets), so this can
 * miss deep nesting, which the parser then reports, but never refuses a sound file.
 */
function flowTooDeepAt(text: string): number | null {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== "") {
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "[" || c === "{") {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === "]" || c === "}") && depth > 0) {
      depth--;
    }
  }
  return null;
}

/** The file's mapping read by the fast parser, or null when only the thorough one should judge it. */
function fastMapping(text: string): Record<string, unknown> | null {
  try {
    const value = fastLoad(text, { schema: CORE_SCHEMA, maxAliases: 0 });
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function makeSource(
  file: string,
  text: string,
  value: Record<string, unknown>,
  positioned: () => PositionedDocument,
): YamlSource {
  let cached: PositionedDocument | null = null;
  return {
    file,
    value,
    positionOf(path, at = "value") {
      // The whole mapping's place needs no parse: it is where the first content is.
      if (path.length === 0) return contentStart(text);
      cached ??= positioned();
      const { document: doc, toPosition } = cached;
      const rootPosition = rangeStart(doc.contents, toPosition) ?? { line: 1, column: 1 };
      let node: unknown = doc.contents;
      let best = rootPosition;
      for (const [i, segment] of path.entries()) {
        const last = i === path.length - 1;
        if (isMap(node)) {
          // The last pair with this key is the one whose value `toJS` kept.
          const pair = node.items.findLast((p) => isScalar(p.key) && String(p.key.value) === String(segment));
          if (!isPair(pair)) return best;
          const keyPos = rangeStart(pair.key, toPosition);
          if (last && at === "key") return keyPos ?? best;
          best = rangeStart(pair.value, toPosition) ?? keyPos ?? best;
          node = pair.value;
        } else if (isSeq(node) && typeof segment === "number") {
          const item = node.items[segment];
          if (item === undefined) return best;
          best = rangeStart(item, toPosition) ?? best;
          node = item;
        } else {
          return best;
        }
      }
      return best;
    },
    keysAt(path) {
      const node = valueAt(value, path);
      return isRecord(node) ? Object.keys(node) : [];
    },
  };
}

/** Line and column of the first character of content: past blank and comment lines, directives and `---`. */
function contentStart(text: string): Position {
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    const body = line
      .replace(/^---(?=\s|$)/, "   ")
      .replace(/^%.*/, "")
      .replace(/#.*/, "");
    const column = body.search(/\S/);
    if (column >= 0) return { line: index + 1, column: column + 1 };
  }
  return { line: 1, column: 1 };
}

function rangeStart(node: unknown, toPosition: (offset: number) => Position): Position | null {
  const range = (node as Node | null | undefined)?.range;
  return range ? toPosition(range[0]) : null;
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
}
