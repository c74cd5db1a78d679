import { query } from '@solidjs/router';
import { call, client } from '../../lib/api';

/** The caller's API tokens (never the secret itself, which is shown once when made). */
export const getTokens = query(() => call(client.auth.tokens.$get()), 'tokens');
