/**
 * The scripts of our own components, as the bundler wrote them: the list of inline scripts the
 * Content-Security-Policy may allow (see `inline-scripts.ts`).
 */
import type { Plugin } from "vite";

/** The virtual module of one `<script>` of a component, e.g. `…/MirrorTable.astro?astro&type=script&index=0&lang.ts`. */
const COMPONENT_SCRIPT = /\.astro\?astro&type=script&/;

/**
 * A Vite plugin that records the text of every `<script>` of the components under `srcDir` as
 * bundled for the browser: the exact text Astro then inlines for the small ones. It runs before
 * Astro's own plugins, which take the inlined chunks out of the bundle.
 */
export function recordComponentScripts(srcDir: string, known: Set<string>): Plugin {
  return {
    name: "security-headers:component-scripts",
    enforce: "pre",
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        const id = output.type === "chunk" ? (output.facadeModuleId ?? "") : "";
        if (output.type === "chunk" && id.startsWith(srcDir) && COMPONENT_SCRIPT.test(id)) {
          known.add(output.code.trim());
        }
      }
    },
  };
}
