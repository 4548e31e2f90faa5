import { describe, expect, it } from "vitest";
import { downloadPath, exampleFile, nearestPath, shellSafe } from "../../src/site/image-pages.ts";
import type { ImagePage } from "../../src/site/images.ts";

/** An ISO page of 9.8 x86_64 with `files` (names and sizes). */
function page(files: [string, number?][]): ImagePage {
  return {
    tree: "isos",
    arch: "x86_64",
    version: "9.8",
    folder: { tree: "isos", arch: "x86_64", version: "9.8", path: "9.8/isos/x86_64/", key: "isos/x86_64/9.8" },
    files: files.map(([name, size]) => ({ name, sha256: "0".repeat(64), ...(size === undefined ? {} : { size }) })),
    verification: "checksum",
    stateOf: () => "verified",
    reasonOf: () => undefined,
    checksumName: "CHECKSUM",
    torrent: false,
  };
}

describe("the image pages' commands", () => {
  it("name the full DVD where there is one, not its stable latest name", () => {
    const files: [string, number][] = [
      ["AlmaLinux-9-latest-x86_64-dvd.iso", 9],
      ["AlmaLinux-9.8-x86_64-boot.iso", 1],
      ["AlmaLinux-9.8-x86_64-dvd.iso", 9],
    ];
    expect(exampleFile(page(files))).toBe("AlmaLinux-9.8-x86_64-dvd.iso");
  });

  it("else the largest image, never a torrent or a signature", () => {
    const files: [string, number][] = [
      ["a.qcow2", 5],
      ["b.qcow2.torrent", 50],
      ["CHECKSUM.asc", 90],
      ["c.box", 7],
    ];
    expect(exampleFile(page(files))).toBe("c.box");
  });

  it("never name a file a shell would read as more than one word", () => {
    for (const name of ["a b.iso", "x;rm -rf ~.iso", "$(id).iso", "`id`.iso", "-rf.iso", "a'b.iso", "ä.iso"]) {
      expect(shellSafe(name), name).toBe(false);
      expect(exampleFile(page([[name, 10]]))).toBeUndefined();
    }
    expect(shellSafe("AlmaLinux-9-GenericCloud-9.8-20261118.x86_64.qcow2")).toBe(true);
  });

  it("lead to the stable download URL and the nearest answer of the folder", () => {
    expect(downloadPath(page([]), "f.iso")).toBe("/download/9.8/isos/x86_64/f.iso");
    expect(nearestPath(page([]))).toBe("/nearest/isos/x86_64/9.8");
  });
});
