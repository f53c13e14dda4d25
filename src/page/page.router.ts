import { createHash } from 'node:crypto';
import { Router, type ErrorRequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { fillPath, PUBLIC_PATHS, uploadPagePath } from '../domain/public-paths.js';
import { AppError } from '../errors/app-error.js';
import { normalizeError } from '../errors/normalize-error.js';
import type { Services } from '../services/services.js';
import { prefersHtml } from '../transport/prefers-html.js';
import { requestMeta } from '../transport/request-meta.js';
import { loadPageAssets, type PageAssets } from './page-assets.js';
import { setPageHeaders } from './page-headers.js';
import { formatBytes } from '../domain/format-bytes.js';
import { renderNotSentPage, renderReceivedPage } from './render/result-pages.js';
import { renderStatePage, STATE_STATUS, type LinkPageState } from './render/state-page.js';
import { renderUploadPage, typeList } from './render/upload-page.js';
import { chooseLanguage } from './strings/choose-language.js';
import { fill, type PageStrings } from './strings/page-strings.js';
import { ACCEPTED_TYPES } from '../domain/content-policy.js';
import { strictRouter } from '../transport/strict-router.js';

const toExpress = (template: string) => template.replace(/\{([a-z_]+)\}/g, ':$1');

/**
 * The customer's face: the upload page at each link's `upload_url`, the page a plain form lands on,
 * and the page's own assets. It renders through the services only.
 */
export function pageRouter(services: Services, assets: PageAssets = loadPageAssets()): Router {
  const router = strictRouter();

  router.get(toExpress(PUBLIC_PATHS.pageAssets), (req, res, next) => {
    const file = assets.files.get(String(req.params['file']));
    if (!file) return next(new AppError('not_found'));
    setPageHeaders(res, 'immutable');
    res.type(file.type).send(file.body);
  });

  router.get(toExpress(PUBLIC_PATHS.uploadPage), async (req, res, next) => {
    const token = String(req.params['link_token']);
    const strings = chooseLanguage(req.query['lang'], req.get('accept-language'));
    const path = uploadPagePath(token);
    try {
      const view = await services.uploadPage.viewLink(token, requestMeta(req));
      if (view.state !== 'active') return sendState(res, view.state, strings, assets, path);
      setPageHeaders(res, 'no-store');
      res.type('html').send(
        renderUploadPage({
          strings,
          assets: assets.urls,
          path,
          displayName: view.displayName,
          uploadFilesUrl: fillPath(PUBLIC_PATHS.uploadFiles, { link_token: token }),
          tusUrl: fillPath(PUBLIC_PATHS.uploadTus, { link_token: token }),
          // A hash, so the token itself never lands in storage the browser keeps.
          receiptKey: `intake-receipt:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`,
          policy: view.policy,
        }),
      );
    } catch (error) {
      sendBusyOr(error, res, strings, assets, path, next);
    }
  });

  router.get(toExpress(PUBLIC_PATHS.uploadReceived), async (req, res, next) => {
    const token = String(req.params['link_token']);
    const strings = chooseLanguage(req.query['lang'], req.get('accept-language'));
    const path = req.path;
    try {
      const upload = await services.uploadPage.findReceipt(token, String(req.params['upload_id']), requestMeta(req));
      if (!upload) return sendState(res, 'not_found', strings, assets, path);
      setPageHeaders(res, 'no-store');
      res.type('html').send(renderReceivedPage(upload, strings, assets.urls, path, uploadPagePath(token)));
    } catch (error) {
      sendBusyOr(error, res, strings, assets, path, next);
    }
  });

  return router;
}

/**
 * Refusals of a plain form's post (Accept prefers text/html) become a page with the reason in the
 * customer's words and the refusal's status; every other client keeps the JSON body.
 */
export function formRefusalHandler(logger: Logger, maxUploadBytes: number, assets: PageAssets = loadPageAssets()): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (!prefersHtml(req) || res.headersSent) return next(error);
    const appError = normalizeError(error);
    if (appError.status >= 500) logger.error({ err: appError.cause ?? appError, errorCode: appError.code }, appError.detail);
    if (!req.complete) res.setHeader('Connection', 'close');
    if (appError.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(appError.retryAfterSeconds));
    const strings = chooseLanguage(req.query['lang'], req.get('accept-language'));
    const token = String(req.params['link_token'] ?? '');
    setPageHeaders(res, 'no-store');
    res.status(appError.status).type('html').send(renderNotSentPage(refusalSentence(appError, strings, maxUploadBytes), strings, assets.urls, req.path, uploadPagePath(token)));
  };
}

/** A server refusal in the customer's words (the browser script has the same table). */
export function refusalSentence(error: AppError, strings: PageStrings, maxUploadBytes: number): string {
  if (error.code === 'rate_limited' && error.retryAfterSeconds !== undefined) return fill(strings.rateLimitedAfter, { seconds: error.retryAfterSeconds });
  const template = strings.refusals[error.code];
  if (!template) return strings.somethingWrong;
  return fill(template, { types: typeList(ACCEPTED_TYPES), size: formatBytes(maxUploadBytes, strings.lang) });
}

function sendState(res: Response, state: LinkPageState, strings: PageStrings, assets: PageAssets, path: string, retryAfter?: number): void {
  setPageHeaders(res, 'no-store');
  if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
  res.status(STATE_STATUS[state]).type('html').send(renderStatePage(state, strings, assets.urls, path, retryAfter));
}

function sendBusyOr(error: unknown, res: Response, strings: PageStrings, assets: PageAssets, path: string, next: (e: unknown) => void): void {
  if (error instanceof AppError && error.code === 'rate_limited') return sendState(res, 'busy', strings, assets, path, error.retryAfterSeconds ?? 60);
  next(error);
}
