/**
 * A mirror's copy of one image folder, judged against the origin: its `CHECKSUM` has the same
 * bytes as the origin's current one (verified), as one the origin published within
 * `allowed_outdate` (behind), other bytes (mismatch, with the first file that differs), or is not
 * there (missing). Without a reference, the presence of the folder's files decides (present or
 * absent). The origin's history of each folder is kept as the `repomd.xml` history is. Pure.
 */
import { createHash } from "node:crypto";
import type { DiagnosticParams } from "../diagnostic-text.ts";
import type { ReasonCode } from "../status/reason-catalogue.ts";
import { englishReason } from "../status/reason-text.ts";
import { failureParams, type RequestOutcome } from "../status/request-outcome.ts";
import type { ImageFolderState, OriginImageFolder } from "../types.ts";
import { type ImageFile, parseChecksumFile } from "./checksum-file.ts";
import type { ImageFolder } from "./image-trees.ts";

/** Alternates kept per folder (the status schema's bound). */
const MAX_ALTERNATES = 20;

/** The SHA-256 of a file's bytes, lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** What the origin published for a folder now: its `CHECKSUM`'s digest and files. */
export interface OriginReading {
  checksumSha256: string;
  files: ImageFile[];
  torrent: boolean;
  signature?: string;
}

/**
 * The folder's history after one look at the origin: unchanged (but aged) when the same
 * `CHECKSUM` is there, the new one current and the old one an alternate when it changed, and
 * the previous record kept as it was when the origin could not be read (null).
 */
export function advanceOriginFolder(
  previous: OriginImageFolder | undefined,
  observed: OriginReading | null,
  now: Date,
  allowedSeconds: number,
): OriginImageFolder | undefined {
  const oldest = now.getTime() - allowedSeconds * 1000;
  const aged = (alternates: OriginImageFolder["alternates"]) =>
    (alternates ?? []).filter((a) => Date.parse(a.superseded_at) >= oldest).slice(0, MAX_ALTERNATES);
  if (observed === null) return previous && { ...previous, alternates: aged(previous.alternates) };
  const record: OriginImageFolder = {
    checksum_sha256: observed.checksumSha256,
    files: observed.files,
    checked_at: now.toISOString(),
    ...(observed.torrent ? { torrent: true } : {}),
    ...(observed.signature ? { signature: observed.signature } : {}),
  };
  if (previous === undefined) return { ...record, alternates: [] };
  if (previous.checksum_sha256 === observed.checksumSha256) {
    return { ...record, checked_at: previous.checked_at, alternates: aged(previous.alternates) };
  }
  const superseded = { checksum_sha256: previous.checksum_sha256, superseded_at: now.toISOString() };
  const alternates = [superseded, ...(previous.alternates ?? [])].filter(
    (a) => a.checksum_sha256 !== observed.checksumSha256,
  );
  return { ...record, alternates: aged(alternates) };
}

/**
 * A mirror's copy of one folder as the checker judged it: a state, and unless the copy is as it
 * should be, a reason as code, params and English (rendered from the catalogue, so that the
 * image pages can word it in their reader's language).
 */
export type FolderVerdict =
  | { state: "verified" | "present" }
  | ({ state: Exclude<ImageFolderState, "verified" | "present"> } & FolderReason);

/** A folder's reason, as the status file stores it. */
export interface FolderReason {
  reason: string;
  reason_code: ReasonCode;
  reason_params: Record<string, string | number>;
}

/** The verdict `state` with the reason `code` and `params`, its English cut to the schema's bound. */
export function folderVerdict(
  state: Exclude<ImageFolderState, "verified" | "present">,
  code: ReasonCode,
  params: DiagnosticParams,
): FolderVerdict {
  return { state, reason: clip(englishReason(code, params)), reason_code: code, reason_params: { ...params } };
}

/** A mirror's copy of `folder`, by the answer to its `CHECKSUM` request. */
export function judgeImageFolder(
  folder: ImageFolder,
  origin: OriginImageFolder,
  outcome: RequestOutcome,
  now: Date,
  allowedSeconds: number,
): FolderVerdict {
  const { url } = outcome;
  const { path: folderPath } = folder;
  if (outcome.kind === "failure")
    return folderVerdict("unknown", "folder-failed", { url, ...failureParams(outcome.failure) });
  if (outcome.status === 404 || outcome.status === 410) {
    return folderVerdict("missing", "folder-missing", { url, folder: folderPath });
  }
  if (outcome.status < 200 || outcome.status >= 300 || outcome.bytes === undefined) {
    return folderVerdict("missing", "folder-status", { url, status: outcome.status });
  }
  const digest = sha256Hex(outcome.bytes);
  if (digest === origin.checksum_sha256) return { state: "verified" };
  const oldest = now.getTime() - allowedSeconds * 1000;
  const alternate = (origin.alternates ?? []).find(
    (a) => a.checksum_sha256 === digest && Date.parse(a.superseded_at) >= oldest,
  );
  if (alternate !== undefined) {
    const lag = Math.max(0, Math.round((now.getTime() - Date.parse(alternate.superseded_at)) / 1000));
    return folderVerdict("behind", "folder-behind", { folder: folderPath, lag });
  }
  return folderVerdict("mismatch", "folder-mismatch", mismatchParams(folder, origin.files, outcome));
}

/** What differs, naming the first file a downloader would get wrong (the wording says what to do). */
function mismatchParams(folder: ImageFolder, files: readonly ImageFile[], outcome: RequestOutcome): DiagnosticParams {
  const copy = parseChecksumFile(outcome.kind === "response" ? (outcome.body ?? "") : "");
  const where = { url: outcome.url, folder: folder.path };
  if (copy.files.length === 0) return { ...where, variant: "empty" };
  const sums = new Map(copy.files.map((f) => [f.name, f.sha256]));
  const differing = files.find((f) => sums.get(f.name) !== f.sha256);
  if (differing === undefined) return { ...where, variant: "same-sums" };
  return { ...where, variant: sums.has(differing.name) ? "other-sum" : "unlisted", file: differing.name };
}

function clip(text: string): string {
  return text.length <= 300 ? text : `${text.slice(0, 299)}…`;
}
