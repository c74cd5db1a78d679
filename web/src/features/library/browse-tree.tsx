import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { type Subject, subjects } from '../../../../shared/enums';
import { useI18n } from '../../lib/i18n';
import { useBookNames } from './book-names';
import { getResourceTree } from './library.queries';

type Pick = { subject?: string; edition?: string; grade?: string; unit?: string };

/** Browse like the textbook: subject → edition → grade → unit, each with how many resources it holds. */
export function BrowseTree(props: {
  subject?: Subject;
  selected: { edition?: string; grade?: string; unit?: string };
  onPick: (p: Pick) => void;
}) {
  const { t } = useI18n();
  const books = useBookNames();
  const tree = createAsync(async () => (props.subject ? getResourceTree(props.subject) : undefined));
  return (
    <details class="card browse-tree" open={!!props.subject}>
      <summary>{t('library.browse')}</summary>
      {/* biome-ignore lint/a11y/useSemanticElements: toggle chips, not a form section */}
      <div class="row chips" role="group" aria-label={t('library.browseSubject')}>
        <For each={subjects}>
          {(s) => (
            <button
              type="button"
              aria-pressed={props.subject === s}
              onClick={() =>
                props.onPick({
                  subject: props.subject === s ? undefined : s,
                  edition: undefined,
                  grade: undefined,
                  unit: undefined,
                })
              }
            >
              {t('library.subjects')[s]}
            </button>
          )}
        </For>
      </div>
      <Show when={tree()}>
        {(data) => (
          <Show when={data().editions.length} fallback={<p class="muted">{t('library.browseEmpty')}</p>}>
            <ul class="tree">
              <For each={data().editions}>
                {(e) => (
                  <li>
                    <strong>{e.edition ? books.edition(e.edition) : t('library.editionMissing')}</strong>{' '}
                    <span class="muted">({e.count})</span>
                    <ul>
                      <For each={e.grades}>
                        {(g) => (
                          <li>
                            {t('library.grades')[String(g.grade) as '1']} <span class="muted">({g.count})</span>
                            <ul class="row" style={{ gap: '.35rem' }}>
                              <For each={g.units}>
                                {(u) => (
                                  <li>
                                    <button
                                      type="button"
                                      class="link"
                                      aria-pressed={
                                        props.selected.unit === u.unit &&
                                        props.selected.grade === String(g.grade) &&
                                        props.selected.edition === e.edition
                                      }
                                      onClick={() =>
                                        props.onPick({
                                          edition: e.edition || undefined,
                                          grade: String(g.grade),
                                          unit: u.unit || undefined,
                                        })
                                      }
                                    >
                                      {u.unit || t('library.noUnit')} ({u.count})
                                    </button>
                                  </li>
                                )}
                              </For>
                            </ul>
                          </li>
                        )}
                      </For>
                    </ul>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </details>
  );
}
