import { signedInRouter } from '../../lib/router';
import * as contract from './exchanges.contract';
import * as handlers from './exchanges.handlers';

export const exchangesRoutes = signedInRouter()
  .openapi(contract.listProgrammes, handlers.listProgrammes)
  .openapi(contract.createProgramme, handlers.createProgramme)
  .openapi(contract.getProgramme, handlers.getProgramme)
  .openapi(contract.listPostings, handlers.listPostings)
  .openapi(contract.createPosting, handlers.createPosting)
  .openapi(contract.getPosting, handlers.getPosting)
  .openapi(contract.apply, handlers.apply)
  .openapi(contract.listApplications, handlers.listApplications)
  .openapi(contract.getApplication, handlers.getApplication)
  .openapi(contract.approve, handlers.approve)
  .openapi(contract.consider, handlers.consider)
  .openapi(contract.decline, handlers.decline)
  .openapi(contract.defer, handlers.defer)
  .openapi(contract.withdraw, handlers.withdraw);
