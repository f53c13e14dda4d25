/**
 * The node flags of the production command (docs/deploy.md, the Dockerfile's CMD), with which the
 * bench starts the product: the young generation capped, because grown to Node's default maximum by
 * large uploads it kept V8 in back to back full collections for the small uploads after them
 * (docs/deploy.md, BENCHMARKS.md). A module of its own so the report can name the command without
 * loading the server launcher.
 */
export const PRODUCT_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16'];
