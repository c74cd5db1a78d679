import { publicRouter, signedInRouter } from '../../lib/router';
import * as contract from './auth.contract';
import * as handlers from './auth.handlers';
import * as invitations from './invitations.contract';
import * as invitationHandlers from './invitations.handlers';
import * as tokens from './tokens.contract';
import * as tokenHandlers from './tokens.handlers';

/** Signing in and out, and invitation links: anyone may call these. */
const signingIn = publicRouter()
  .openapi(contract.login, handlers.login)
  .openapi(contract.logout, handlers.logout)
  .openapi(invitations.get, invitationHandlers.get)
  .openapi(invitations.accept, invitationHandlers.accept);

/** The signed-in person's own account and bearer tokens. */
const account = signedInRouter()
  .openapi(contract.me, handlers.me)
  .openapi(contract.updateMe, handlers.updateMe)
  .openapi(contract.password, handlers.password)
  .openapi(tokens.create, tokenHandlers.create)
  .openapi(tokens.list, tokenHandlers.list)
  .openapi(tokens.revoke, tokenHandlers.revoke);

export const authRoutes = publicRouter().route('/', signingIn).route('/', account);
