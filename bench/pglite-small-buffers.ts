// What-if for the memory figure, without touching server code: preloaded with
//   node --import ./bench/results/pglite-small-buffers.mjs dist/server/node.mjs
// it makes every PGlite.create() in the process add `-c shared_buffers=…` (BENCH_SHARED_BUFFERS, default
// 16MB) to PGlite's default start parameters. PGlite's initdb writes shared_buffers = 128MB, and that
// buffer pool lives inside PGlite's WebAssembly memory, so it shows up in the process's RSS.
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';

const sharedBuffers = process.env.BENCH_SHARED_BUFFERS || '16MB';
type Create = (dataDirOrOptions?: string | PGliteOptions, options?: PGliteOptions) => Promise<PGlite>;
const original = PGlite.create.bind(PGlite) as Create;
(PGlite as unknown as { create: Create }).create = (dataDirOrOptions, options) => {
  // Both of PGlite.create's forms: (options) and (dataDir, options).
  const opts: PGliteOptions =
    typeof dataDirOrOptions === 'string' ? { ...options, dataDir: dataDirOrOptions } : { ...dataDirOrOptions };
  return original({
    ...opts,
    startParams: [...(opts.startParams ?? PGlite.defaultStartParams), '-c', `shared_buffers=${sharedBuffers}`],
  });
};
