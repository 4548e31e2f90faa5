/** A file the build writes beside the pages (an export, a feed, the mirrorlist index …), as data. */
export interface ExportFile {
  /** Below the site root, no leading slash, e.g. `mirrorlist/v1.json`. */
  path: string;
  text: string;
}
