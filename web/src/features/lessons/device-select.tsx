import { For } from 'solid-js';

/** A choice of camera or microphone among those the browser lists (named once it was allowed to use them). */
export function DeviceSelect(props: {
  label: string;
  devices: MediaDeviceInfo[];
  value?: string;
  onPick: (deviceId: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select onChange={(e) => props.onPick(e.currentTarget.value)}>
        <For each={props.devices}>
          {(d) => (
            // The option says whether it is the one: a select's value set before its options exist would not hold.
            <option value={d.deviceId} selected={d.deviceId === props.value}>
              {d.label || d.deviceId}
            </option>
          )}
        </For>
      </select>
    </label>
  );
}
