import { signedInRouter } from '../../lib/router';
import * as contract from './bookings.contract';
import * as handlers from './bookings.handlers';

export const bookingsRoutes = signedInRouter()
  .openapi(contract.create, handlers.create)
  .openapi(contract.list, handlers.list)
  .openapi(contract.defaults, handlers.defaults)
  .openapi(contract.get, handlers.get)
  .openapi(contract.approve, handlers.approve)
  .openapi(contract.decline, handlers.decline)
  .openapi(contract.cancel, handlers.cancel)
  .openapi(contract.bulk, handlers.bulk)
  .openapi(contract.block, handlers.block);
