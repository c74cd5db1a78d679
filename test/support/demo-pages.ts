// The demo records that tests walking the main pages open, read through the API as the signed-in page's person.
import type { Browser, Page } from 'playwright-core';
import { newContext, pageAs, type viewports } from './browser';

export type DemoPages = {
  facility: string;
  resource: string;
  lesson: string;
  group: string;
  school: string;
  application: string;
  placement: string;
};

export async function demoPages(page: Page, url: string): Promise<DemoPages> {
  const get = async (path: string) => (await page.request.get(`${url}/api/${path}`)).json();
  const orgs = (await get('orgs')).items as { id: string; kind: string; name: string }[];
  const facilities = (await get('facilities')).items as { id: string; name: string }[];
  const resources = (await get(`resources?q=${encodeURIComponent('分数')}`)).items as { id: string }[];
  const lessons = (await get('lessons?scope=upcoming')).items as { id: string }[];
  // The applications the person may read (the group leader reads the demo's two).
  const applications = (await get('exchanges/applications?scope=all')).items as { id: string }[];
  // The demo's teacher in post (高志远 at 北山乡中心小学), as the group leader reads it.
  const placements = (await get('exchanges/placements?scope=all')).items as { id: string }[];
  const one = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`demo data: no ${what}`);
    return x;
  };
  return {
    facility: one(
      facilities.find((f) => f.name === '化学实验室'),
      '化学实验室',
    ).id,
    resource: one(resources[0], 'resource about 分数').id,
    lesson: one(lessons[0], 'upcoming lesson').id,
    group: one(
      orgs.find((o) => o.kind === 'group'),
      'group',
    ).id,
    school: one(
      orgs.find((o) => o.name === '京华实验中学'),
      '京华实验中学',
    ).id,
    // Empty for a person who reads none (a school admin of neither school); the walks open it as the leader.
    application: applications[0]?.id ?? '',
    placement: placements[0]?.id ?? '',
  };
}

/**
 * A page as `email` (nobody when empty) in `lang`, remembered both for the person and on the device, on no page yet.
 */
export async function pageIn(
  web: { url: string; browser: Browser },
  email: string,
  lang: 'zh' | 'en',
  size: keyof typeof viewports,
): Promise<Page> {
  const page = email ? await pageAs(web, email, size) : await (await newContext(web.browser, size)).newPage();
  await page.addInitScript((l) => localStorage.setItem('tz.locale', l), lang);
  if (email) await page.request.patch(`${web.url}/api/me`, { data: { locale: lang }, headers: { origin: web.url } });
  return page;
}

/**
 * Each role's main pages, for the tests that walk them all (nobody's: signing in); `ids` are the demo records they
 * open.
 */
export const mainPages: [email: string, paths: (ids: DemoPages) => string[]][] = [
  ['', () => ['/login']],
  [
    'leader@jinghua.demo',
    (i) => [
      '/',
      '/facilities',
      '/facilities/calendar',
      `/facilities/${i.facility}`,
      '/library',
      `/library/${i.resource}`,
      '/library/review',
      '/library/collections',
      '/lessons',
      `/lessons/${i.lesson}`,
      '/bookings',
      '/exchanges',
      '/exchanges/applications',
      `/exchanges/applications/${i.application}`,
      '/exchanges/programmes/new',
      '/exchanges/postings/new',
      '/exchanges/overview',
      '/exchanges/honours',
      '/exchanges/rural-service',
      '/exchanges/placements',
      `/exchanges/placements/${i.placement}`,
      '/approvals',
      '/reports/facilities',
      '/reports/term',
      '/orgs',
      `/orgs/${i.group}`,
      '/audit',
      '/notifications',
      '/settings',
    ],
  ],
  [
    'admin@jhzx.demo',
    (i) => [
      '/',
      '/facilities/new',
      `/facilities/${i.facility}/edit`,
      '/approvals',
      `/orgs/${i.school}`,
      `/orgs/${i.school}/public-page`,
      '/audit',
    ],
  ],
  ['wang@jhzx.demo', (i) => ['/', '/lessons', `/lessons/${i.lesson}`, '/library/upload']],
  ['admin@xiling.demo', () => ['/', '/bookings', '/approvals', '/exchanges', '/lessons', '/library/review', '/audit']],
  [
    'li@jhxx.demo',
    (i) => ['/', `/facilities/${i.facility}`, '/bookings', '/library?q=分数', '/exchanges', '/exchanges/applications'],
  ],
  ['admin@jhxx.demo', () => ['/exchanges', '/exchanges/applications', '/exchanges/rural-service']],
  ['gao@jhxx.demo', (i) => ['/', '/exchanges', '/exchanges/placements', `/exchanges/placements/${i.placement}`]],
  ['admin@beishan.demo', (i) => ['/', '/exchanges/placements', `/exchanges/placements/${i.placement}`]],
  ['zhao@beishan.demo', (i) => ['/', `/lessons/${i.lesson}`, '/notifications']],
];
