import { signedInRouter } from '../../lib/router';
import * as contract from './resources.contract';
import * as handlers from './resources.handlers';
import * as social from './resources-social.contract';
import * as socialHandlers from './resources-social.handlers';

export const resourcesRoutes = signedInRouter()
  .openapi(contract.create, handlers.create)
  .openapi(contract.search, handlers.search)
  .openapi(contract.limits, handlers.limits)
  .openapi(contract.tree, handlers.tree)
  .openapi(contract.get, handlers.get)
  .openapi(contract.newVersion, handlers.newVersion)
  .openapi(contract.review, handlers.review)
  .openapi(contract.download, handlers.download)
  .openapi(social.favourite, socialHandlers.favourite)
  .openapi(social.unfavourite, socialHandlers.unfavourite)
  .openapi(social.favourites, socialHandlers.favourites)
  .openapi(social.comments, socialHandlers.comments)
  .openapi(social.comment, socialHandlers.comment)
  .openapi(social.createCollection, socialHandlers.createCollection)
  .openapi(social.collections, socialHandlers.collections)
  .openapi(social.collection, socialHandlers.collection)
  .openapi(social.addItem, socialHandlers.addItem)
  .openapi(social.removeItem, socialHandlers.removeItem);
