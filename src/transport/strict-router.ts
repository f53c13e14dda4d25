import express, { type Express, type Router } from 'express';

// Routing is exact: `/UPLOAD/<token>/files`, `/upload/<token>/files/` and doubled slashes are not
// routed (issue 13, defect 3). A path that only looks like a route must not reach a handler, nor be
// logged as one.
const ROUTING = { caseSensitive: true, strict: true } as const;

/** The one way every face (REST, tus, the page, GraphQL, docs, health) makes its router. */
export function strictRouter(): Router {
  return express.Router(ROUTING);
}

/** Applies the same rules to the application's own routes (app.get, app.use). */
export function useStrictRouting(app: Express): void {
  app.set('case sensitive routing', ROUTING.caseSensitive);
  app.set('strict routing', ROUTING.strict);
}
