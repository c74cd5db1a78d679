import './page-words';
import './view-words';
import './certificate.css';
import { resolveTemplate } from '@solid-primitives/i18n';
import { A, createAsync, useSearchParams } from '@solidjs/router';
import { onCleanup, onMount, Show } from 'solid-js';
import type { HonourItem } from '../../../../shared/schemas/exchanges';
import { EmptyState } from '../../components/notice';
import { certificateZh, chineseCount, chineseDate } from '../../i18n/zh/certificate';
import { todayInBeijing } from '../../lib/beijing';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { getOrgs } from '../orgs/orgs.queries';
import { getHonours } from './views.queries';

/**
 * A printable certificate of rural service (issue 12, point 6): A4 landscape, in Chinese, worded by the honour's
 * level, issued in the name of the organisation whose honours list it comes from and dated the day it is printed.
 * window.print() prints it alone; "Save as PDF" in the print dialogue makes the PDF, with the system's own Chinese
 * fonts (no PDF library: see the commit that brought this page).
 */
export function CertificatePage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const orgId = () => String(params.orgId ?? '');
  const list = createAsync(async () => (orgId() ? getHonours(orgId()) : undefined));
  const orgs = createAsync(() => getOrgs());
  const item = () => list()?.items.find((i) => i.user.id === params.user && String(i.honour.years) === params.years);
  const issuer = () => orgs()?.items.find((o) => o.id === orgId())?.name ?? '';
  const reached = (i: HonourItem | undefined) => !!i && i.reachesOn <= todayInBeijing();
  onMount(() => document.documentElement.classList.add('certificate-print'));
  onCleanup(() => document.documentElement.classList.remove('certificate-print'));
  return (
    <>
      <div class="no-print">
        <div class="spread">
          <h1>{t('exchanges.certificatePage.title')}</h1>
          <div class="row">
            <A class="button" href={`/exchanges/honours?orgId=${orgId()}`}>
              {t('exchanges.certificatePage.back')}
            </A>
            <Show when={reached(item())}>
              <button type="button" class="primary" onClick={() => window.print()}>
                {t('exchanges.certificatePage.print')}
              </button>
            </Show>
          </div>
        </div>
        <p class="muted">{t('exchanges.certificatePage.howToPdf')}</p>
      </div>
      <Show when={list()}>
        <Show
          when={item()}
          fallback={
            <div class="card">
              <EmptyState
                title={t('exchanges.certificatePage.notFound')}
                hint={t('exchanges.certificatePage.notFoundHint')}
              />
            </div>
          }
        >
          {(i) => (
            <Show
              when={reached(i())}
              fallback={
                <div class="notice info" role="status">
                  {t('exchanges.certificatePage.notYet', {
                    name: i().user.name,
                    years: String(i().honour.years),
                    date: formatPlainDate(i().reachesOn, locale()),
                  })}
                </div>
              }
            >
              <Certificate item={i()} issuer={issuer()} />
            </Show>
          )}
        </Show>
      </Show>
    </>
  );
}

/** The sheet itself: Chinese whatever the page's language (marked so), its words from certificateZh. */
function Certificate(props: { item: HonourItem; issuer: string }) {
  const w = certificateZh;
  const years = () => chineseCount(props.item.honour.years);
  const level = () => props.item.honour.level;
  return (
    <div class="certificate-wrap">
      <article class="certificate-sheet" lang="zh-CN" data-testid="certificate">
        <h2>{w.titles[level()]}</h2>
        <p class="kicker">{resolveTemplate(w.kicker, { years: years() })}</p>
        <p class="salutation">{resolveTemplate(w.salutation, { name: props.item.user.name })}</p>
        <p class="body">{resolveTemplate(w.body, { date: chineseDate(props.item.reachesOn), years: years() })}</p>
        <p class="body">{resolveTemplate(w.school, { school: props.item.school.name })}</p>
        <div class="issuer">
          <p>{props.issuer}</p>
          <p>{chineseDate(todayInBeijing())}</p>
        </div>
        <p class="basis">{resolveTemplate(w.basis[level()], { years: String(props.item.honour.years) })}</p>
      </article>
    </div>
  );
}
