/**
 * Reads an image folder's `CHECKSUM`, in AlmaLinux's format (which may be PGP clear-signed):
 * `# <file>: <n> bytes` lines give sizes, `SHA256 (<file>) = <hex>` lines the sums. Pure; never
 * throws. Hostile input is expected: names that are not plain file names, duplicates, binary
 * bytes, CRLF line ends and overlong text are set aside with a problem each.
 */

/** One file the origin's `CHECKSUM` names. */
export interface ImageFile {
  /** A plain file name (no slash, not `.` or `..`). */
  name: string;
  /** Bytes, when the `CHECKSUM` says. */
  size?: number;
  /** Lower-case hex. */
  sha256: string;
}

export interface ChecksumReading {
  /** In the order the file lists them. */
  files: ImageFile[];
  /** What was set aside, one short English line each (at most a few). */
  problems: string[];
}

export function parseChecksumFile(text: string): ChecksumReading {
  void text;
  return { files: [], problems: ["not implemented yet"] };
}
