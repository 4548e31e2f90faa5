/**
 * `node scripts/run-bundled.mjs NAME [ARGS...]` runs the CLI `scripts/NAME.ts` as one bundled
 * ES module, rebuilt with esbuild whenever a source it may include is newer than the bundle.
 * Why: Node can run the TypeScript directly, but loading its type stripper and ~30 modules costs
 * about 150 ms at every start, and `npm run validate` must answer in well under half a second.
 * Plain JavaScript on purpose: it must start without the type stripper.
 */
// Node's built-in modules are taken with `process.getBuiltinModule`, here and in the bundle, not
// imported: an ES import of one builds its ES facade, which reads every export, and for `node:fs`
// or `node:util` that loads streams, colours and more (about 20 ms at each start).
const { existsSync, mkdirSync, readdirSync, statSync } = process.getBuiltinModule("node:fs");
const { enableCompileCache } = process.getBuiltinModule("node:module");
const { dirname, join } = process.getBuiltinModule("node:path");
const { pathToFileURL } = process.getBuiltinModule("node:url");

const root = join(import.meta.dirname, "..");
const name = process.argv[2] ?? "";
const entry = join(root, "scripts", `${name}.ts`);
if (!/^[a-z-]+$/.test(name) || !existsSync(entry)) {
  console.error(`usage: node scripts/run-bundled.mjs NAME [ARGS...] (scripts/NAME.ts must exist)`);
  process.exit(2);
}
const bundle = join(root, "node_modules", ".cache", "mirrorsite", `${name}.mjs`);
// This file too: its build options shape the bundle.
const sources = [
  join(root, "src", "core"),
  join(root, "scripts", name),
  entry,
  join(root, "package-lock.json"),
  import.meta.filename,
];

if (!existsSync(bundle) || newestMtime(sources) > statSync(bundle).mtimeMs) {
  mkdirSync(dirname(bundle), { recursive: true });
  const { build } = await import("esbuild");
  await build({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    minify: true,
    logLevel: "warning",
    plugins: [builtinsWithoutFacade()],
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: {
      js: "const require=process.getBuiltinModule('node:module').createRequire(import.meta.url);",
    },
  });
}
// V8's code cache for the bundle: saves compiling it again at every start.
enableCompileCache(join(dirname(bundle), "v8-cache"));
process.argv.splice(1, 2, bundle);
await import(pathToFileURL(bundle).href);

/** An esbuild plugin: `import … from "node:x"` in the sources becomes `process.getBuiltinModule("node:x")`. */
function builtinsWithoutFacade() {
  return {
    name: "builtins-without-facade",
    setup(build) {
      build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: "builtin" }));
      build.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({
        contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
        loader: "js",
      }));
    },
  };
}

/** The newest modification time among files and folders (walked recursively). */
function newestMtime(paths) {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) newest = Math.max(newest, newestMtime(readdirSync(path).map((f) => join(path, f))));
  }
  return newest;
}
