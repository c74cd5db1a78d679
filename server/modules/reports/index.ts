import { signedInRouter } from '../../lib/router';
import * as contract from './reports.contract';
import * as handlers from './reports.handlers';

export const reportsRoutes = signedInRouter()
  .openapi(contract.facilityUsage, handlers.facilityUsage)
  .openapi(contract.resourceUsage, handlers.resourceUsage)
  .openapi(contract.lessonUsage, handlers.lessonUsage)
  .openapi(contract.overview, handlers.overview)
  .openapi(contract.dashboard, handlers.dashboard)
  .openapi(contract.term, handlers.term)
  .openapi(contract.termCsv, handlers.termCsv);
