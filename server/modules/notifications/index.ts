import { signedInRouter } from '../../lib/router';
import * as contract from './notifications.contract';
import * as handlers from './notifications.handlers';

export const notificationsRoutes = signedInRouter()
  .openapi(contract.list, handlers.list)
  .openapi(contract.markRead, handlers.markRead);
