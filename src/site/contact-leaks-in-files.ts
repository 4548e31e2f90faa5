/**
 * The build's last check over a finished site: every file under a folder read once, and each
 * that holds a mirror file's contact address named (see `core/contact-leaks.ts`). Node-side;
 * the build's integration and `npm run bench -- contact-check` call it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { contactIndex, findContacts } from "../core/contact-leaks.ts";
import type { RegistryContact } from "../core/types.ts";

export interface ContactLeaks {
  /** How many files were read. */
  files: number;
  /** `<path under root>: the contact of <mirror files>`, one line per output file that holds one. */
  leaks: string[];
}

export function contactLeaksUnder(root: string, contacts: readonly RegistryContact[]): ContactLeaks {
  const index = contactIndex(contacts);
  const leaks: string[] = [];
  let files = 0;
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    // Most files hold no at sign at all: only those are decoded and searched.
    if (!bytes.includes("@") && !bytes.includes("%40")) continue;
    const owners = findContacts(bytes.toString("utf8"), index);
    if (owners.length > 0) leaks.push(`${relative(root, path)}: the contact of ${owners.join(", ")}`);
  }
  return { files, leaks };
}
