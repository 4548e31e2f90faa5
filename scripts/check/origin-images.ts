/**
 * Reads the origin's `CHECKSUM` of every image folder (config `images`, every current version
 * and arch) under the main reference tree, and carries each folder's history forward from the
 * previous status file. A folder the origin does not answer keeps its history as it was; one it
 * never published has none (and so no page).
 */
import { MAX_CHECKSUM_BYTES, parseChecksumFile } from "../../src/core/images/checksum-file.ts";
import { advanceOriginFolder, type OriginReading, sha256Hex } from "../../src/core/images/folder-state.ts";
import { type ImageFolder, imageFolders } from "../../src/core/images/image-trees.ts";
import type { DistributionConfig, OriginImageFolder } from "../../src/core/types.ts";
import type { HttpClient, HttpSession } from "./http-client.ts";

const PARALLEL = 8;
const SIGNED = "-----BEGIN PGP SIGNED MESSAGE-----";

export interface OriginImagesReading {
  /** Folder key → the origin's record, for every folder it has one for. */
  images: Map<string, OriginImageFolder>;
  asked: number;
  read: number;
}

export async function readOriginImages(
  client: HttpClient,
  config: DistributionConfig,
  originUrl: string,
  previous: ReadonlyMap<string, OriginImageFolder>,
  now: Date,
): Promise<OriginImagesReading> {
  const folders = imageFolders(config);
  const reading: OriginImagesReading = { images: new Map(), asked: folders.length, read: 0 };
  const session = client.session();
  try {
    let next = 0;
    const worker = async () => {
      for (let folder = folders[next++]; folder !== undefined; folder = folders[next++]) {
        const observed = await readFolder(session, originUrl, folder);
        if (observed !== null) reading.read++;
        const record = advanceOriginFolder(previous.get(folder.key), observed, now, config.allowedOutdateSeconds);
        if (record !== undefined) reading.images.set(folder.key, record);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, folders.length) }, worker));
  } finally {
    session.close();
  }
  return reading;
}

/** One folder's `CHECKSUM` at the origin; null when it is not there or lists no file. */
async function readFolder(session: HttpSession, originUrl: string, folder: ImageFolder): Promise<OriginReading | null> {
  const url = `${originUrl}${folder.path}CHECKSUM`;
  for (const family of [4, 6] as const) {
    const outcome = await session.request(url, { method: "GET", body: "read", maxBytes: MAX_CHECKSUM_BYTES, family });
    if (outcome.kind === "failure" && outcome.failure.type === "dns") continue;
    if (outcome.kind !== "response" || outcome.status < 200 || outcome.status >= 300) return null;
    if (outcome.bytes === undefined || outcome.body === null) return null;
    const { files } = parseChecksumFile(outcome.body);
    if (files.length === 0) return null;
    const signature = outcome.body.startsWith(SIGNED)
      ? "CHECKSUM"
      : (await answers(session, `${url}.asc`, family))
        ? "CHECKSUM.asc"
        : undefined;
    return {
      checksumSha256: sha256Hex(outcome.bytes),
      files,
      torrent: files.some((f) => f.name.endsWith(".torrent")),
      ...(signature ? { signature } : {}),
    };
  }
  return null;
}

async function answers(session: HttpSession, url: string, family: 4 | 6): Promise<boolean> {
  const outcome = await session.request(url, { method: "HEAD", body: "discard", maxBytes: 0, family });
  return outcome.kind === "response" && outcome.status >= 200 && outcome.status < 300;
}
