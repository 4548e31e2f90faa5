/**
 * How the loader (`load.ts`) reads a file: only a regular file, only up to a size limit, and
 * never anything that could block or lead elsewhere. The path is looked at without following
 * links (`lstat`), opened with `O_NOFOLLOW` and `O_NONBLOCK` (a link or a FIFO put there in
 * between cannot redirect or stall the open), checked again through the open descriptor
 * (`fstat`), and read through that descriptor, at most one byte past the limit.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from "node:fs";

/** What reading a file gave: its text, or why it was not read. */
export type PlainFileRead =
  | { kind: "text"; text: string }
  /** Not a regular file; `what` says what it is. */
  | { kind: "not-regular"; what: FileKind }
  /** Larger than the limit; `bytes` is its size (at least the limit plus one). */
  | { kind: "too-large"; bytes: number }
  /** The system refused it (`errno` such as `ENOENT`, `EACCES`). */
  | { kind: "unreadable"; errno: string };

/** What a file system entry that is not a regular file is (`diagnostic.part.file-kind.<kind>`). */
export type FileKind = "symbolic-link" | "folder" | "fifo" | "socket" | "character-device" | "block-device" | "special";

/** Read at a time; a file past the limit is never read further than the limit plus one byte. */
const CHUNK_BYTES = 64 * 1024;

/** Reads `path` as UTF-8 when it is a regular file of at most `maxBytes` bytes. Never throws. */
export function readPlainFile(path: string, maxBytes: number): PlainFileRead {
  let fd: number;
  try {
    const seen = lstatSync(path);
    if (!seen.isFile()) return { kind: "not-regular", what: whatItIs(seen) };
    if (seen.size > maxBytes) return { kind: "too-large", bytes: seen.size };
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    // ELOOP: the path became a symbolic link after it was looked at.
    const errno = errnoOf(error);
    return errno === "ELOOP" ? { kind: "not-regular", what: "symbolic-link" } : { kind: "unreadable", errno };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { kind: "not-regular", what: whatItIs(opened) };
    if (opened.size > maxBytes) return { kind: "too-large", bytes: opened.size };
    const chunks: Buffer[] = [];
    let total = 0;
    // A file may grow after fstat: read to its end, but never past the limit plus one byte. The
    // first read asks for one byte more than fstat saw, so a read that fills less than it asked
    // for has met the end (a regular file reads short only there), and no second read is needed.
    for (let size = opened.size + 1; ; size = CHUNK_BYTES) {
      const chunk = Buffer.allocUnsafe(Math.min(size, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return { kind: "too-large", bytes: total };
      if (read < chunk.length) break;
    }
    const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
    return { kind: "text", text: bytes.toString("utf8") };
  } catch (error) {
    return { kind: "unreadable", errno: errnoOf(error) };
  } finally {
    closeSync(fd);
  }
}

/** What a file system entry is, for a message. */
function whatItIs(stats: Stats): FileKind {
  if (stats.isSymbolicLink()) return "symbolic-link";
  if (stats.isDirectory()) return "folder";
  if (stats.isFIFO()) return "fifo";
  if (stats.isSocket()) return "socket";
  if (stats.isCharacterDevice()) return "character-device";
  if (stats.isBlockDevice()) return "block-device";
  return "special";
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? "unknown error";
}
