import { query } from '@solidjs/router';
import { call, client } from '../../lib/api';

/** An invitation by its link's token: who is invited, where, as what, until when. */
export const getInvitation = query(
  (token: string) => call(client.invitations[':token'].$get({ param: { token } })),
  'invitation',
);
