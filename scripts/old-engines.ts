// Old engines (issue 11): school PCs run 360 and QQ browsers on engines as old as Chromium 86. The build lowers
// syntax for them (vite.config.ts, build.target); built-ins they lack come from core-js, through
// @vitejs/plugin-legacy's polyfill chunk — loaded only by a browser that lacks one of them, so current browsers
// download nothing more.
//
// The list is what the bundle really calls. `DEBUG=vite:legacy` with `modernPolyfills: true` prints what Babel's
// usage scan suspects (55 modules on 2026-12-05); most are false positives there — method names it cannot type
// (an action's `.with()`, a reactive Map's own `getOrInsert`, arrays' `flatMap` taken for iterator helpers), bug
// fixes for edge cases the code does not reach (`Array#push` on frozen lengths, JSON source text), or built-ins the
// callers feature-detect (`structuredClone`). Each entry says how a browser shows it has the built-in. What this
// list misses, the Chromium 86 browser test (test/web/old-engine.browser.test.ts) finds as a page error.
import type { Plugin } from 'vite';

export const POLYFILLS = [
  { module: 'es.object.has-own', present: "'hasOwn' in Object" },
  { module: 'es.array.at', present: "'at' in Array.prototype" },
  { module: 'es.string.at-alternative', present: "'at' in String.prototype" },
  { module: 'es.typed-array.at', present: "'at' in Int8Array.prototype" },
  { module: 'es.error.cause', present: "'cause' in Error('', { cause: 0 })" },
  { module: 'web.url-search-params.size', present: "'size' in URLSearchParams.prototype" },
] as const;

/** The test a page runs before anything else: true when the browser has every built-in the bundle calls. */
export const allPresent = POLYFILLS.map((p) => p.present).join(' && ');

/**
 * plugin-legacy adds its polyfill chunk to index.html as a module script every browser loads. This swaps it for a
 * tiny classic script that writes that module script into the page only when a built-in is missing: written by
 * document.write, it stands before the app's module script in the document, so it runs first (module scripts run
 * in document order), and the Content-Security-Policy's script-src 'self' allows both.
 */
export function conditionalPolyfills(): Plugin {
  return {
    name: 'tongzhou:conditional-polyfills',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const polyfills = Object.values(bundle).find((f) => f.type === 'chunk' && /(^|\/)polyfills-/.test(f.fileName));
      const html = bundle['index.html'];
      if (!polyfills || !html || html.type !== 'asset') this.error('the polyfill chunk or index.html is missing');
      const src = `/${polyfills.fileName}`;
      const check = this.getFileName(
        this.emitFile({
          type: 'asset',
          name: 'polyfills-check.js',
          source:
            `(function(){var ok;try{ok=${allPresent}}catch(e){ok=false}` +
            `if(!ok)document.write('<script type="module" crossorigin src="${src}"><\\/script>')})()\n`,
        }),
      );
      const tag = new RegExp(`<script type="module" crossorigin src="${src.replace(/[.$]/g, '\\$&')}"></script>`);
      const page = String(html.source);
      if (!tag.test(page)) this.error(`index.html does not load ${src} as expected`);
      html.source = page.replace(tag, `<script src="/${check}"></script>`);
    },
  };
}
