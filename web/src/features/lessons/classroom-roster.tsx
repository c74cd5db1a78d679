import { createMemo, For, Show } from 'solid-js';
import type { Lesson } from '../../../../shared/schemas/lessons';
import { useI18n } from '../../lib/i18n';
import type { LiveRoom, Peer } from './live-room';
import { SoundMeter, VideoView } from './media';
import { cameraOf, micOf } from './room-tracks';

/**
 * Every invited classroom in a fixed order (by name), never a ranking, each with a state light (not joined, connected,
 * weak link, hand up); a connected one can be let speak, stopped or muted in one click.
 */
export function ClassroomRoster(props: {
  classrooms: Lesson['classrooms'];
  live: LiveRoom;
  onSpeak: (identity: string, allowed: boolean) => void;
  onMute: (identity: string) => void;
}) {
  const { t } = useI18n();
  // Rows are the invited classrooms (stable objects, a fixed order by name); each reads its live state itself, so
  // a peer update (several a second while anyone speaks) re-renders a light, not the row with its video.
  const roster = createMemo(() =>
    props.classrooms
      .map((c) => ({ id: c.id, identity: `classroom:${c.id}`, label: `${c.schoolName} ${c.name}` }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
  );
  const peerOf = (identity: string) => props.live.peers().find((p) => p.identity === identity);
  const stateText = (p: Peer | undefined) =>
    !p
      ? t('lessons.notJoined')
      : p.hand
        ? t('lessons.handUp')
        : p.canPublish
          ? p.devices
            ? t('lessons.noDevices')
            : t('lessons.speaking')
          : p.quality === 'weak'
            ? t('lessons.weak')
            : t('lessons.connected');
  const light = (p: Peer | undefined) => (!p ? 'off' : p.hand ? 'hand' : p.quality === 'weak' ? 'weak' : 'on');
  return (
    <section class="card" aria-labelledby="roster-title">
      <h2 id="roster-title">
        {t('lessons.roster', {
          joined: String(roster().filter((r) => peerOf(r.identity)).length),
          total: String(roster().length),
        })}
      </h2>
      <ul class="plain roster">
        <For each={roster()}>
          {(r) => (
            <li data-identity={r.identity} data-state={light(peerOf(r.identity))}>
              <div class="spread">
                <span>
                  <span class={`light ${light(peerOf(r.identity))}`} aria-hidden="true" /> {r.label}
                </span>
                <span class="muted">{stateText(peerOf(r.identity))}</span>
              </div>
              <Show when={peerOf(r.identity)}>
                {(p) => (
                  <div class="row">
                    <Show
                      when={p().canPublish}
                      fallback={
                        <button type="button" class="primary" onClick={() => props.onSpeak(p().identity, true)}>
                          {t('lessons.letSpeak')}
                        </button>
                      }
                    >
                      <button type="button" onClick={() => props.onSpeak(p().identity, false)}>
                        {t('lessons.stopSpeak')}
                      </button>
                      <button type="button" onClick={() => props.onMute(p().identity)}>
                        {t('lessons.mute')}
                      </button>
                      <SoundMeter track={micOf(props.live, p().identity)} label={t('lessons.speaking')} />
                    </Show>
                  </div>
                )}
              </Show>
              <Show when={cameraOf(props.live, r.identity)}>
                {(cam) => <VideoView track={cam()} class="classroom-view" label={r.label} />}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
