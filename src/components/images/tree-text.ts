/**
 * The words for an image tree: the four AlmaLinux publishes have their own title and
 * introduction; a tree a config adds beyond them is named by its config name.
 */
import type { Translate } from "../../i18n/index.ts";

const KNOWN_TREES = ["isos", "cloud", "live", "raspberrypi"] as const;
type KnownTree = (typeof KNOWN_TREES)[number];

const isKnown = (tree: string): tree is KnownTree => (KNOWN_TREES as readonly string[]).includes(tree);

export interface TreeText {
  /** "Cloud images". */
  title: string;
  /** What the images are for, one or two sentences. */
  intro: string;
  /** "AlmaLinux 9.8 cloud images for aarch64". */
  pageTitle(values: { version: string; arch: string }): string;
}

export function treeText(t: Translate, tree: string): TreeText {
  if (isKnown(tree)) {
    return {
      title: t(`images.${tree}.title`),
      intro: t(`images.${tree}.intro`),
      pageTitle: (values) => t(`images.${tree}.pageTitle`, values),
    };
  }
  return {
    title: t("images.other.title", { tree }),
    intro: t("images.other.intro", { tree }),
    pageTitle: (values) => t("images.other.pageTitle", { tree, ...values }),
  };
}
