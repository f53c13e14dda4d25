/**
 * The node flags of the production command (docs/deploy.md, the Dockerfile's CMD), with which the
 * bench starts the product. `--external-memory-accounted-in-global-limit`: without it, V8 counts every
 * buffer outside the heap allocated since the last full collection (each socket read of an upload
 * body) against the old generation's room, and after large uploads ran a full collection every few
 * MB received (docs/deploy.md, BENCHMARKS.md). A module of its own so the report can name the
 * command without loading the server launcher.
 */
export const PRODUCT_NODE_FLAGS: readonly string[] = ['--external-memory-accounted-in-global-limit'];
