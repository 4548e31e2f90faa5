/**
 * How many mirrors each list holds, so that the pages can say why two of them differ: the table
 * and the map hold the public mirrors (neither private nor cloud-only), the exports every mirror
 * that is not private (cloud ones too), and private mirrors appear in neither. Pure.
 */
import type { Mirror } from "../core/types.ts";
import { isPublic } from "./model.ts";

export interface MirrorCounts {
  /** Rows of the home page's table: public mirrors. */
  table: number;
  /** Cloud mirrors that are not private: pages of their own and rows of the exports, no table row. */
  cloud: number;
  /** Private mirrors: a page, no table row, no export row. */
  private: number;
  /** Rows of `exports/mirrors.{csv,json}`: `table` + `cloud`. */
  exported: number;
}

export function mirrorCounts(mirrors: readonly Mirror[]): MirrorCounts {
  const table = mirrors.filter(isPublic).length;
  const privateCount = mirrors.filter((m) => m.private).length;
  const cloud = mirrors.filter((m) => !m.private && m.cloud !== null).length;
  return { table, cloud, private: privateCount, exported: table + cloud };
}
