/**
 * Where a value sits in a JSON text, by its path, for a diagnostic's line and column. The text
 * is scanned, never parsed into a document: a status file at its 32 MiB cap with a bad entry
 * once cost a `yaml` document of it (gigabytes, minutes). The members of the top two levels
 * (the file's keys, and `mirrors`' entries) are indexed on first use, so that each lookup then
 * scans only the entry it is about: all the lookups of a file cost about one pass over it.
 *
 * The text must be JSON that `JSON.parse` read (the caller parsed it first); a duplicate key
 * is found at its last occurrence, the one `JSON.parse` keeps.
 */
import type { Position } from "../diagnostics.ts";
import type { ValuePath } from "../value-path.ts";

/** Objects whose members are indexed: the root, and the objects directly under it. */
const INDEXED_DEPTH = 2;

export function jsonPositions(text: string): (path: ValuePath) => Position {
  const positionAt = lineIndex(text);
  const members = new Map<number, Map<string, number>>();
  const indexed = (start: number): Map<string, number> => {
    let found = members.get(start);
    if (found === undefined) {
      found = new Map();
      forEachMember(text, start, (key, valueStart) => void found?.set(key, valueStart));
      members.set(start, found);
    }
    return found;
  };
  return (path) => {
    let at = skipSpace(text, 0);
    for (const [depth, segment] of path.entries()) {
      const next =
        text[at] === "{"
          ? depth < INDEXED_DEPTH
            ? indexed(at).get(String(segment))
            : lastMember(text, at, String(segment))
          : text[at] === "[" && /^\d+$/.test(String(segment))
            ? nthItem(text, at, Number(segment))
            : undefined;
      if (next === undefined) break;
      at = next;
    }
    return positionAt(at);
  };
}

/** Every how many line breaks the line index keeps an offset. */
const LINES_PER_MARK = 256;

/**
 * Line and column (from 1) of an offset. The line index keeps the offset of every 256th line
 * break, made in one pass on first use: a lookup counts at most 256 line breaks from a mark,
 * whatever order the lookups come in, and the index stays small even for a file of line breaks.
 */
function lineIndex(text: string): (offset: number) => Position {
  let marks: number[] | null = null;
  return (offset) => {
    if (marks === null) {
      marks = [-1];
      let count = 0;
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
        if (++count % LINES_PER_MARK === 0) marks.push(i);
      }
    }
    // The last mark before `offset`, by binary search.
    let low = 0;
    let high = marks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((marks[mid] ?? -1) < offset) low = mid;
      else high = mid - 1;
    }
    let line = low * LINES_PER_MARK + 1;
    let lineStart = (marks[low] ?? -1) + 1;
    for (let i = text.indexOf("\n", lineStart); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
  };
}

function lastMember(text: string, start: number, key: string): number | undefined {
  let found: number | undefined;
  forEachMember(text, start, (k, valueStart) => {
    if (k === key) found = valueStart;
  });
  return found;
}

/** Calls `visit` with each member's key and value offset of the object at `start`. */
function forEachMember(text: string, start: number, visit: (key: string, valueStart: number) => void): void {
  let i = skipSpace(text, start + 1);
  while (text[i] === '"') {
    const keyEnd = stringEnd(text, i);
    const raw = text.slice(i + 1, keyEnd - 1);
    const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
    visit(key, valueStart);
    i = skipSpace(text, valueEnd(text, valueStart));
    if (text[i] === ",") i = skipSpace(text, i + 1);
  }
}

function nthItem(text: string, start: number, n: number): number | undefined {
  let i = skipSpace(text, start + 1);
  for (let index = 0; i < text.length && text[i] !== "]"; index++) {
    if (index === n) return i;
    i = skipSpace(text, valueEnd(text, i));
    if (text[i] === ",") i = skipSpace(text, i + 1);
  }
  return undefined;
}

/** The offset just past the value that starts at `start`. */
function valueEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return stringEnd(text, start);
  if (first !== "{" && first !== "[") {
    // A number, true, false or null: up to the next delimiter.
    let i = start;
    while (i < text.length && !",]} \t\r\n".includes(text[i] ?? "")) i++;
    return i;
  }
  // From one bracket or quote to the next, found by the regular expression engine: a long array
  // of numbers is skipped at native speed, not a character at a time.
  const structural = /["{}[\]]/g;
  structural.lastIndex = start;
  let depth = 0;
  for (let match = structural.exec(text); match !== null; match = structural.exec(text)) {
    const c = match[0];
    if (c === '"') structural.lastIndex = stringEnd(text, match.index);
    else if (c === "{" || c === "[") depth++;
    else if (--depth === 0) return match.index + 1;
  }
  return text.length;
}

/** The offset just past the string whose opening quote is at `start`. */
function stringEnd(text: string, start: number): number {
  for (let quote = text.indexOf('"', start + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === "\\") backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return text.length;
}

function skipSpace(text: string, start: number): number {
  let i = start;
  while (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t") i++;
  return i;
}
