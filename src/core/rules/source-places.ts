/**
 * Places in mirror files for the cross-file rules, which see normalised mirrors and not their
 * YAML. A file is parsed again for positions only when a rule reports on it: few files are, and
 * finding positions costs more than checking the file did. The validator's cache remembers the
 * positions found (`KnownPositions`), so an unchanged file is not parsed again at the next run.
 */
import type { Position } from "../diagnostics.ts";
import type { ValuePath } from "../value-path.ts";
import { MAX_MIRROR_FILE_CHARS, parseYamlSource, type YamlSource } from "../yaml-source.ts";

export interface SourcePlaces {
  /** The parsed file, or null when it is not among the sources or does not parse. */
  source(file: string): YamlSource | null;
  /** Where the value at `path` sits in `file`; the file's start when it cannot be found. */
  positionOf(file: string, path: ValuePath): Position;
}

/** Positions found before, by file and path; `get` answers only for a file whose text is unchanged. */
export interface KnownPositions {
  get(file: string, path: ValuePath): Position | undefined;
  set(file: string, path: ValuePath, position: Position): void;
}

export function sourcePlaces(files: readonly { file: string; text: string }[], known?: KnownPositions): SourcePlaces {
  const texts = new Map(files.map((f) => [f.file, f.text]));
  const parsed = new Map<string, YamlSource | null>();
  const source = (file: string): YamlSource | null => {
    if (!parsed.has(file)) {
      const text = texts.get(file);
      parsed.set(file, text === undefined ? null : parseYamlSource(file, text, MAX_MIRROR_FILE_CHARS).source);
    }
    return parsed.get(file) ?? null;
  };
  return {
    source,
    positionOf(file, path) {
      const remembered = known?.get(file, path);
      if (remembered) return remembered;
      const found = source(file)?.positionOf(path) ?? { line: 1, column: 1 };
      known?.set(file, path, found);
      return found;
    },
  };
}
