import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Me } from '../../../shared/schemas/auth';
import { useI18n } from '../lib/i18n';
import { rolesOf } from '../lib/session';

type NavLink = { href: string; label: string; end?: boolean; count?: () => number };

/** Where a person goes, by role: administrators also approve, read the sharing report and the activity log. */
export function NavLinks(props: { me: Me; waiting: number }) {
  const { t } = useI18n();
  const links = (): NavLink[] => {
    const r = rolesOf(props.me);
    return [
      { href: '/', label: t('nav.home'), end: true },
      { href: '/facilities', label: t('nav.facilities') },
      { href: '/library', label: t('nav.library') },
      { href: '/lessons', label: t('nav.lessons') },
      { href: '/bookings', label: t('nav.bookings') },
      ...(r.isAdmin ? [{ href: '/approvals', label: t('nav.approvals'), count: () => props.waiting }] : []),
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
          <Show when={l.count?.()}>
            {(n) => (
              <>
                {' '}
                <span class="count" aria-hidden="true">
                  {n()}
                </span>
                <span class="sr-only">{t('approvals.waiting', { count: String(n()) })}</span>
              </>
            )}
          </Show>
        </A>
      )}
    </For>
  );
}
