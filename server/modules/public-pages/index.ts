import { isDatabaseUnavailable } from '../../lib/errors';
import { loggedPath } from '../../lib/log';
import { publicRouter, signedInRouter } from '../../lib/router';
import * as contract from './public-pages.contract';
import * as handlers from './public-pages.handlers';

/** Editing a school's public page: its admins (and its group's or district's). Mounted under /api. */
export const publicPagesRoutes = signedInRouter()
  .openapi(contract.get, handlers.get)
  .openapi(contract.update, handlers.update);

/**
 * The pages themselves, for anyone, outside /api: plain HTML whatever happens — an address that names no school is a
 * 404 page of its own (never the web app's), and an outage is a page that says to try again.
 */
export const publicSite = publicRouter()
  .openapi(contract.site, handlers.site)
  .openapi(contract.siteEn, handlers.siteEn);
publicSite.get('/s/*', (c) => handlers.problemPage(c, 'notFound', 404));
publicSite.onError((err, c) => {
  const unavailable = isDatabaseUnavailable(err);
  c.get('deps').log.log(unavailable ? 'warn' : 'error', unavailable ? 'database_unavailable' : 'unhandled', {
    path: loggedPath(c.req.path),
    err: String((err as Error)?.stack ?? err),
  });
  if (unavailable) c.header('Retry-After', '2');
  return handlers.problemPage(c, 'unavailable', unavailable ? 503 : 500);
});
