import { signedInRouter } from '../../lib/router';
import * as classrooms from './classrooms.contract';
import * as classroomHandlers from './classrooms.handlers';
import * as members from './members.contract';
import * as memberHandlers from './members.handlers';
import * as contract from './orgs.contract';
import * as handlers from './orgs.handlers';

export const orgsRoutes = signedInRouter()
  .openapi(contract.list, handlers.list)
  .openapi(contract.get, handlers.get)
  .openapi(contract.update, handlers.update)
  .openapi(classrooms.list, classroomHandlers.list)
  .openapi(classrooms.create, classroomHandlers.create)
  .openapi(classrooms.update, classroomHandlers.update)
  .openapi(members.list, memberHandlers.list)
  .openapi(members.invite, memberHandlers.invite)
  .openapi(members.update, memberHandlers.update)
  .openapi(members.remove, memberHandlers.remove)
  .openapi(members.importCsv, memberHandlers.importCsv);
