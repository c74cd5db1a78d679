import { signedInRouter } from '../../lib/router';
import * as contract from './audit.contract';
import * as handlers from './audit.handlers';

export const auditRoutes = signedInRouter().openapi(contract.list, handlers.list);
