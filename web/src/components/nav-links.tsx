import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Me } from '../../../shared/schemas/auth';
import { useI18n } from '../lib/i18n';
import { rolesOf } from '../lib/session';
import { CountBadge } from './count-badge';

/** `count`: how many wait for the person there, and `waiting` says it for screen readers. */
type NavLink = { href: string; label: string; end?: boolean; count?: () => number; waiting?: (n: string) => string };

/**
 * Where a person goes, by role: administrators also approve, read the sharing report and the activity log. Teachers
 * and administrators take part in exchanges; its link counts the applications waiting for the person's approval.
 */
export function NavLinks(props: { me: Me; waiting: number; exchangesWaiting: number }) {
  const { t } = useI18n();
  const links = (): NavLink[] => {
    const r = rolesOf(props.me);
    return [
      { href: '/', label: t('nav.home'), end: true },
      { href: '/facilities', label: t('nav.facilities') },
      { href: '/library', label: t('nav.library') },
      { href: '/lessons', label: t('nav.lessons') },
      ...(r.isTeacher || r.isAdmin
        ? [
            {
              href: '/exchanges',
              label: t('nav.exchanges'),
              count: () => props.exchangesWaiting,
              waiting: (count: string) => t('exchanges.waiting', { count }),
            },
          ]
        : []),
      { href: '/bookings', label: t('nav.bookings') },
      ...(r.isAdmin
        ? [
            {
              href: '/approvals',
              label: t('nav.approvals'),
              count: () => props.waiting,
              waiting: (count: string) => t('approvals.waiting', { count }),
            },
          ]
        : []),
      ...(r.isAdmin ? [{ href: '/reports/facilities', label: t('nav.reports') }] : []),
      { href: '/orgs', label: t('nav.orgs') },
      ...(r.isAdmin ? [{ href: '/audit', label: t('nav.audit') }] : []),
    ];
  };
  return (
    <For each={links()}>
      {(l) => (
        <A href={l.href} end={l.end ?? false} activeClass="active">
          {l.label}
          <Show when={l.count?.()}>{(n) => <CountBadge count={n()} label={l.waiting?.(String(n())) ?? ''} />}</Show>
        </A>
      )}
    </For>
  );
}
