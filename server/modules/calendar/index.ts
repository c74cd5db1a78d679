import { publicRouter, signedInRouter } from '../../lib/router';
import * as contract from './calendar.contract';
import * as handlers from './calendar.handlers';

/** The feeds themselves: anyone holding a secret URL (a calendar app) reads one. */
const feeds = publicRouter().openapi(contract.file, handlers.file);

/** Making, listing and revoking one's feeds. */
const manage = signedInRouter()
  .openapi(contract.create, handlers.create)
  .openapi(contract.list, handlers.list)
  .openapi(contract.revoke, handlers.revoke);

export const calendarRoutes = publicRouter().route('/', feeds).route('/', manage);
