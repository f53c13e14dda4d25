// Preloaded (--import) into a profiled baseline: a SIGTERM exits normally, so --cpu-prof writes its
// profile (the default SIGTERM action kills the process before it can).
process.once('SIGTERM', () => process.exit(0));
