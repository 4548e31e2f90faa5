/**
 * Reads an image folder's `CHECKSUM`, in AlmaLinux's format (which may be PGP clear-signed):
 * `# <file>: <n> bytes` lines give sizes, `SHA256 (<file>) = <hex>` lines the sums
 * (`sha256sum`'s `<hex>  <file>` lines are read too). Pure; never throws. Hostile input is
 * expected: a name that is not a plain file name, a name listed twice with different sums, binary
 * bytes and overlong text are set aside with a problem each; CRLF line ends are fine.
 */

/** One file the origin's `CHECKSUM` names. */
export interface ImageFile {
  /** A plain file name (no slash, not `.` or `..`, no control character). */
  name: string;
  /** Bytes, when the `CHECKSUM` says. */
  size?: number;
  /** Lower-case hex. */
  sha256: string;
}

export interface ChecksumReading {
  /** In the order the file lists them. */
  files: ImageFile[];
  /** What was set aside, one short English line each (at most `MAX_PROBLEMS`). */
  problems: string[];
}

/** A real `CHECKSUM` is a few KiB; the checker reads at most this many bytes of one. */
export const MAX_CHECKSUM_BYTES = 256 * 1024;
/** Files one folder may list (the status schema's bound too). */
export const MAX_CHECKSUM_FILES = 512;
const MAX_PROBLEMS = 5;
const MAX_NAME_LENGTH = 255;

const SIZE_LINE = /^# (.+): (\d{1,15}) bytes$/;
const BSD_LINE = /^SHA256 \((.+)\) ?= ?([0-9A-Fa-f]{64})$/;
const GNU_LINE = /^([0-9A-Fa-f]{64}) [ *](.+)$/;
const SIGNED_START = "-----BEGIN PGP SIGNED MESSAGE-----";
const SIGNATURE_START = "-----BEGIN PGP SIGNATURE-----";

export function parseChecksumFile(text: string): ChecksumReading {
  if (text.length > MAX_CHECKSUM_BYTES) {
    return { files: [], problems: [`longer than ${MAX_CHECKSUM_BYTES} bytes: not a CHECKSUM file`] };
  }
  // Binary data (a NUL byte, or bytes that were not UTF-8) is no CHECKSUM.
  if (text.includes("\u0000") || text.includes("\uFFFD")) {
    return { files: [], problems: ["binary data: not a CHECKSUM file"] };
  }
  const problems: string[] = [];
  const note = (problem: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const sizes = new Map<string, number>();
  const sums = new Map<string, string>();
  const refused = new Set<string>();
  for (const line of signedBody(text.split(/\r?\n/))) {
    const size = SIZE_LINE.exec(line);
    if (size) {
      const [, name = "", bytes = ""] = size;
      if (plainFileName(name)) sizes.set(name, Number(bytes));
      continue;
    }
    const sum = BSD_LINE.exec(line) ?? swapped(GNU_LINE.exec(line));
    if (!sum) continue;
    const [, name = "", hex = ""] = sum;
    if (!plainFileName(name)) {
      note(`${JSON.stringify(name.slice(0, 80))} is not a plain file name`);
      continue;
    }
    const sha256 = hex.toLowerCase();
    const earlier = sums.get(name);
    if (earlier !== undefined && earlier !== sha256) {
      // Two sums for one name: neither can be trusted.
      refused.add(name);
      note(`${name} is listed twice with different sums`);
    }
    if (earlier === undefined) sums.set(name, sha256);
  }
  const files: ImageFile[] = [];
  for (const [name, sha256] of sums) {
    if (refused.has(name)) continue;
    if (files.length === MAX_CHECKSUM_FILES) {
      note(`more than ${MAX_CHECKSUM_FILES} files: the rest are left out`);
      break;
    }
    const size = sizes.get(name);
    files.push(size === undefined ? { name, sha256 } : { name, size, sha256 });
  }
  if (files.length === 0 && problems.length === 0) note("no SHA256 line");
  return { files, problems };
}

/** The lines of a clear-signed message's text (dash-escaping undone), or all lines of an unsigned one. */
function signedBody(lines: readonly string[]): string[] {
  if (lines[0]?.trim() !== SIGNED_START) return [...lines];
  const blank = lines.findIndex((line) => line.trim() === "");
  const end = lines.findIndex((line) => line.trim() === SIGNATURE_START);
  const body = lines.slice(blank + 1, end < 0 ? lines.length : end);
  return body.map((line) => (line.startsWith("- ") ? line.slice(2) : line));
}

/** `sha256sum`'s `<hex>  <name>` as [, name, hex], like the BSD form. */
function swapped(match: RegExpExecArray | null): [string, string, string] | null {
  return match ? [match[0], match[2] ?? "", match[1] ?? ""] : null;
}

/** A name that stays one file in the folder: no path, no control character, not `.`/`..`. */
export function plainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_NAME_LENGTH &&
    name !== "." &&
    name !== ".." &&
    !name.includes("/") &&
    !name.includes("\\") &&
    !hasControlCharacter(name) &&
    name.trim() === name
  );
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
