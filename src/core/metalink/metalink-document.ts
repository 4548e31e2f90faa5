/**
 * The Metalink 3.0 document dnf (librepo) reads for a repo's `repomd.xml`, in MirrorManager's
 * shape: librepo matches element names literally, so the `mm0` prefix is written as it is.
 * `<file name="repomd.xml">` carries the current version's timestamp, size and hashes, then the
 * alternates a mirror may still serve, then one `<url>` per mirror in ranking order. Pure.
 */
import type { IndexRepomd, IndexRepomdVersion } from "../mirrorlist/index-format.ts";
import { xmlComment, xmlEscape } from "../xml-text.ts";

/** One mirror's copy of the file. */
export interface MetalinkResource {
  /** Full URL of its `repodata/repomd.xml`. */
  url: string;
  protocol: "http" | "https";
  /** ISO 3166-1 alpha-2 of the mirror, when known. */
  country?: string;
}

/** MirrorManager's namespace URI for the `mm0` prefix. */
const MM0 = "http://fedorahosted.org/mirrormanager";

/**
 * The document up to its resources: the same for every client of a repo, so written once.
 * `publishedAt` is when the hashes were taken (the status file's check time): its `pubdate`.
 */
export function metalinkHead(hashes: IndexRepomd, publishedAt: Date): string {
  const alternates = hashes.alternates.map(
    (a) => `    <mm0:alternate>\n${versionElements(a, "      ")}    </mm0:alternate>\n`,
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    `<metalink version="3.0" xmlns="http://www.metalinker.org/" type="dynamic" pubdate="${publishedAt.toUTCString()}" generator="mirrorsite" xmlns:mm0="${MM0}">\n`,
    " <files>\n",
    '  <file name="repomd.xml">\n',
    versionElements(hashes.current, "   "),
    alternates.length > 0 ? `   <mm0:alternates>\n${alternates.join("")}   </mm0:alternates>\n` : "",
  ].join("");
}

/**
 * The whole document: `head` (from `metalinkHead`), then with `explain` (`--explain`) one comment
 * per line, then one `<url>` per resource, best first (preferences from 100 down).
 */
export function metalinkDocument(
  head: string,
  resources: readonly MetalinkResource[],
  explain: readonly string[] = [],
): string {
  let body = head;
  for (const line of explain) body += `   ${xmlComment(line)}\n`;
  body += '   <resources maxconnections="1">\n';
  resources.forEach((r, i) => {
    const location = r.country === undefined ? "" : ` location="${xmlEscape(r.country)}"`;
    body += `   <url protocol="${r.protocol}" type="${r.protocol}"${location} preference="${Math.max(1, 100 - i)}">${xmlEscape(r.url)}</url>\n`;
  });
  return `${body}   </resources>\n  </file>\n </files>\n</metalink>\n`;
}

/** The answer when there is no document to give: a declaration and the reason as a comment. */
export function metalinkRefusal(reason: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlComment(reason)}\n`;
}

function versionElements(record: IndexRepomdVersion, indent: string): string {
  return [
    `${indent}<mm0:timestamp>${record.timestamp}</mm0:timestamp>\n`,
    `${indent}<size>${record.size}</size>\n`,
    `${indent}<verification>\n`,
    `${indent} <hash type="sha256">${xmlEscape(record.sha256)}</hash>\n`,
    `${indent} <hash type="sha512">${xmlEscape(record.sha512)}</hash>\n`,
    `${indent}</verification>\n`,
  ].join("");
}
