import { signedInRouter } from '../../lib/router';
import * as closures from './closures.contract';
import * as closureHandlers from './closures.handlers';
import * as contract from './facilities.contract';
import * as handlers from './facilities.handlers';
import * as photos from './photos.contract';
import * as photoHandlers from './photos.handlers';

export const facilitiesRoutes = signedInRouter()
  .openapi(contract.list, handlers.list)
  .openapi(contract.groupAvailability, handlers.groupAvailability)
  .openapi(contract.create, handlers.create)
  .openapi(contract.get, handlers.get)
  .openapi(contract.update, handlers.update)
  .openapi(contract.retire, handlers.retire)
  .openapi(contract.availabilityOf, handlers.availabilityOf);

/** Days a school (or one facility) is closed: holidays, term breaks. Recurring bookings skip them. */
export const closuresRoutes = signedInRouter()
  .openapi(closures.list, closureHandlers.list)
  .openapi(closures.create, closureHandlers.create)
  .openapi(closures.remove, closureHandlers.remove);

export const photosRoutes = signedInRouter()
  .openapi(photos.add, photoHandlers.add)
  .openapi(photos.get, photoHandlers.get)
  .openapi(photos.remove, photoHandlers.remove);
