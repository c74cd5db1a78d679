import { createAsync, useLocation, useNavigate } from '@solidjs/router';
import { type Accessor, createContext, createEffect, type ParentProps, useContext } from 'solid-js';
import type { Me } from '../../../shared/schemas/auth';
import { getMe } from './session';

/**
 * The signed-in person, read once for the whole app by the layout. Pages must not each make their own
 * createAsync of the session: one made while a navigation's transition ran could keep a stale `undefined` after the
 * next revalidation of the query, so role-dependent actions (the master teacher's 安排直播课, the admin's 新增场地)
 * vanished after in-app navigation until a reload. The layout's resource lives as long as the app.
 */
const SessionContext = createContext<Accessor<Me | null | undefined>>(() => undefined);

export function SessionProvider(props: ParentProps) {
  const me = createAsync(() => getMe());
  return <SessionContext.Provider value={me}>{props.children}</SessionContext.Provider>;
}

/** The signed-in person: undefined while loading, null when nobody is signed in. */
export const useMe = (): Accessor<Me | null | undefined> => useContext(SessionContext);

/** For signed-in pages: the person (undefined while loading); a signed-out visitor is sent to sign in. */
export function useSignedIn(): Accessor<Me | undefined> {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  createEffect(() => {
    if (me() === null) {
      navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    }
  });
  return () => me() ?? undefined;
}
