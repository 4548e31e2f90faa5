/**
 * The build's last line of defence for the contact addresses of mirror files: finds any of them
 * in an output's text, whatever put it there. Fast over a whole site: the contacts are indexed by
 * the characters on each side of their at sign, and a text is looked at only around its at signs
 * (`@` and its URL escape `%40`), so the cost grows with the at signs of the output, not with
 * the number of contacts. Case does not matter.
 */
import type { RegistryContact } from "./types.ts";

interface IndexedContact {
  local: string;
  domain: string;
  /** The mirror files that give this address. */
  files: string[];
}

/** Contacts by the last character of their local part and the first of their domain. */
export type ContactIndex = ReadonlyMap<string, readonly IndexedContact[]>;

/** The separators an address is found around: the at sign, and its escape in a URL. */
const AT_FORMS = ["@", "%40"] as const;

export function contactIndex(contacts: readonly RegistryContact[]): ContactIndex {
  const byAddress = new Map<string, IndexedContact>();
  for (const { file, address } of contacts) {
    const lower = address.toLowerCase();
    const at = lower.lastIndexOf("@");
    if (at <= 0 || at === lower.length - 1) continue;
    const known = byAddress.get(lower);
    if (known) known.files.push(file);
    else byAddress.set(lower, { local: lower.slice(0, at), domain: lower.slice(at + 1), files: [file] });
  }
  const index = new Map<string, IndexedContact[]>();
  for (const contact of byAddress.values()) {
    const key = keyOf(contact.local.at(-1) ?? "", contact.domain[0] ?? "");
    index.set(key, [...(index.get(key) ?? []), contact]);
  }
  return index;
}

/** The mirror files whose contact address `text` holds, each once. */
export function findContacts(text: string, index: ContactIndex): string[] {
  if (index.size === 0) return [];
  const found = new Set<string>();
  for (const at of AT_FORMS) {
    for (let i = text.indexOf(at); i !== -1; i = text.indexOf(at, i + 1)) {
      const end = i + at.length;
      for (const contact of index.get(keyOf(text[i - 1] ?? "", text[end] ?? "")) ?? []) {
        const local = text.slice(Math.max(0, i - contact.local.length), i).toLowerCase();
        const domain = text.slice(end, end + contact.domain.length).toLowerCase();
        if (local === contact.local && domain === contact.domain) for (const file of contact.files) found.add(file);
      }
    }
  }
  return [...found];
}

function keyOf(before: string, after: string): string {
  return `${before.toLowerCase()}\u0000${after.toLowerCase()}`;
}
