import { describe, expect, it } from "vitest";
import { withImages } from "../../scripts/bench/_image-status.ts";
import { folderVerdict } from "../../src/core/images/folder-state.ts";
import { DEFAULT_IMAGE_TREES, imageFolders } from "../../src/core/images/image-trees.ts";
import { loadRegistry } from "../../src/core/load.ts";
import { imagePages } from "../../src/site/images.ts";

const registry = loadRegistry();
const config = registry.config;
if (config === null) throw new Error("the real config is invalid");

describe("image folders", () => {
  it("are every tree's folder of every current version and arch, newest first", () => {
    const keys = imageFolders(config).map((f) => f.key);
    expect(keys[0]).toBe("isos/x86_64/10.2");
    expect(keys).toContain("raspberrypi/aarch64/9.8");
    expect(keys).not.toContain("raspberrypi/x86_64/9.8");
    expect(keys).not.toContain("live/s390x/9.8");
    expect(keys.at(-1)).toBe("raspberrypi/aarch64/8.10");
    expect(imageFolders(config).find((f) => f.key === "cloud/ppc64le/9.8")?.path).toBe("9.8/cloud/ppc64le/images/");
  });

  it("are the ISO folders alone without config images", () => {
    const folders = imageFolders({ ...config, images: [...DEFAULT_IMAGE_TREES] });
    expect(new Set(folders.map((f) => f.tree))).toEqual(new Set(["isos"]));
    expect(folders).toHaveLength(13);
  });
});

describe("image pages", () => {
  it("say nothing was checked without a status", () => {
    const pages = imagePages(config, null);
    expect(pages.every((p) => p.verification === "none" && p.files.length === 0)).toBe(true);
    expect(pages[0]?.stateOf("anything")).toBe("unknown");
  });

  it("carry the origin's files and each mirror's state for that very folder", () => {
    const { status } = withImages(registry);
    const pages = imagePages(config, status);
    const page = pages.find((p) => p.folder.key === "isos/aarch64/9.8");
    expect(page?.verification).toBe("checksum");
    expect(page?.files[0]?.name).toBe("AlmaLinux-9.8-aarch64-boot.iso");
    expect(page?.signatureName).toBe("CHECKSUM");
    const first = registry.mirrors[0]?.name ?? "";
    expect(page?.stateOf(first)).toBe(status?.mirrors[first]?.images?.["isos/aarch64/9.8"]?.state);
    expect(page?.stateOf("__proto__")).toBe("unknown");
  });

  it("give a folder's reason with its code, for the page to word in its language", () => {
    const { status } = withImages(registry);
    const first = registry.mirrors[0]?.name ?? "";
    const images = status?.mirrors[first]?.images;
    if (images === undefined) throw new Error("no images");
    const params = { url: "https://m.example/9.8/isos/aarch64/CHECKSUM", folder: "9.8/isos/aarch64/" };
    images["isos/aarch64/9.8"] = folderVerdict("missing", "folder-missing", params);
    const page = imagePages(config, status).find((p) => p.folder.key === "isos/aarch64/9.8");
    expect(page?.reasonOf(first)).toEqual({
      state: "missing",
      reason:
        "No CHECKSUM at https://m.example/9.8/isos/aarch64/CHECKSUM: this mirror does not carry 9.8/isos/aarch64/",
      reason_code: "folder-missing",
      reason_params: params,
    });
    expect(page?.reasonOf("__proto__")).toBeUndefined();
  });

  it("leave out a folder the origin does not publish", () => {
    const { status } = withImages(registry);
    if (status?.images === undefined) throw new Error("no images");
    delete status.images["live/aarch64/8.10"];
    expect(imagePages(config, status).map((p) => p.folder.key)).not.toContain("live/aarch64/8.10");
  });
});
