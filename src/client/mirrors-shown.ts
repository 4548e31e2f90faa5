/** What `<mirror-table>` tells the rest of its page (the map) about the rows it shows. */

/** The event `<mirror-table>` fires (bubbling) after each filtering. */
export const SHOWN_EVENT = "mirrors-shown";

/** A table whose filters leave some mirrors shown. */
export interface ShownMirrors extends HTMLElement {
  /** The names of the mirrors shown; null while every row is. */
  readonly shown: ReadonlySet<string> | null;
}
