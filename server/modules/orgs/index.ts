import { signedInRouter } from '../../lib/router';
import * as classrooms from './classrooms.contract';
import * as classroomHandlers from './classrooms.handlers';
import * as invitations from './invitations.contract';
import * as invitationHandlers from './invitations.handlers';
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
  .openapi(invitations.create, invitationHandlers.create)
  .openapi(invitations.list, invitationHandlers.list)
  .openapi(invitations.revoke, invitationHandlers.revoke)
  .openapi(invitations.offers, invitationHandlers.offers)
  .openapi(invitations.accept, invitationHandlers.accept)
  .openapi(invitations.decline, invitationHandlers.decline)
  .openapi(members.update, memberHandlers.update)
  .openapi(members.remove, memberHandlers.remove)
  .openapi(members.importCsv, memberHandlers.importCsv);
