import { query } from '@solidjs/router';
import { call, client } from '../../lib/api';

/** A school's public page as its admins edit it. */
export const getPublicPage = query(
  async (id: string) => (await call(client.orgs[':id']['public-page'].$get({ param: { id } }))).publicPage,
  'publicPage',
);
