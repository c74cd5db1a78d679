// Types of scripts/build.mjs, for the tests and benches that call it.
/** Newest modification time (ms) under `dir`, skipping node_modules and dot-folders. */
export function newest(dir: string): number;
/** Whether the build is missing or older than any source it is made from. */
export function isStale(): boolean;
/** Writes `.br` and `.gz` beside each compressible file under `dir`. */
export function precompress(dir: string): void;
/** The web app (Vite, precompressed) and the Node server (esbuild) into dist/. */
export function buildAll(opts?: { quiet?: boolean }): Promise<void>;
/** Builds when stale, one process at a time (others wait); `onBuild` is told when this one builds. */
export function buildIfStale(opts?: { quiet?: boolean; onBuild?: () => void }): Promise<void>;
/** Node's flags for the server as `npm start` runs it (package.json's start script). */
export function startFlags(): string[];
