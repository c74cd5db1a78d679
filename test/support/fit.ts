// Whether a page fits its window: used by the tests that look at pages on a phone, a school PC and a projector.
import type { Page } from 'playwright-core';

/**
 * What does not fit a phone: elements reaching past the right edge of the window, and text cut short — a box that
 * hides what overflows it (with or without "…") while its text is wider than the box.
 */
export function misfits(page: Page, skip: string | null) {
  return page.evaluate((skipSelector) => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const name = (el: Element) =>
      [el.tagName.toLowerCase(), ...[...el.classList].map((c) => `.${c}`)].join('') +
      ` "${(el as HTMLElement).innerText?.trim().slice(0, 40) ?? ''}"`;
    // Inside a box that scrolls sideways (a wide table), or one clipped to nothing (text for screen readers only),
    // an element may reach past the edge: it is scrolled to, or never shown.
    const spared = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (['auto', 'scroll'].includes(style.overflowX) || (style.clip && style.clip !== 'auto')) return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (skipSelector && (el.closest(skipSelector) || el.querySelector(skipSelector))) continue;
      if (el.closest('.sr-only')) continue;
      if (!el.checkVisibility({ visibilityProperty: true }) || spared(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.width && box.right > width + 1)
        out.push(`past the edge by ${Math.round(box.right - width)}px: ${name(el)}`);
      const style = getComputedStyle(el);
      const hides = style.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(style.overflowX);
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (hides && text && el.scrollWidth > el.clientWidth + 1) out.push(`cut short: ${name(el)}`);
    }
    const page = document.documentElement.scrollWidth - width;
    if (page > 0) out.push(`the page scrolls sideways by ${page}px`);
    return out;
  }, skip);
}
