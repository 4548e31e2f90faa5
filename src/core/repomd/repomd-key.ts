/**
 * The key of one repo tree in the `repomd.xml` history, the status file and the index: the path
 * below the tree's base URL, without slashes at its ends (`9.8/BaseOS/x86_64/os`,
 * `10-kitten/BaseOS/x86_64/os`). Kitten's versions are distinct, so one map holds both trees.
 */
export function repomdKey(version: string, repoPath: string): string {
  return `${version}/${repoPath.replace(/^\/+|\/+$/g, "")}`;
}
