import { publicRouter } from '../../lib/router';
import * as contract from './system.contract';
import * as handlers from './system.handlers';

export const systemRoutes = publicRouter().openapi(contract.health, handlers.health);
