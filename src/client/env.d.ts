/** Build-time settings the browser code reads (Vite inlines `PUBLIC_*` variables). */
interface ImportMetaEnv {
  /** An optional raster tile URL template (`https://…/{z}/{x}/{y}.png`); none by default. */
  readonly PUBLIC_MAP_TILES?: string;
  /** Attribution shown with those tiles. */
  readonly PUBLIC_MAP_ATTRIBUTION?: string;
}
