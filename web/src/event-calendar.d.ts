// @event-calendar/core 4 ships no types; this is the part the facility calendars use. (Version 5 lays its grid out
// with CSS subgrid, which Chromium before 117 lacks: on the school PCs' Chromium 86 its week view fell apart.)
declare module '@event-calendar/core' {
  /** A view plugin; passed to createCalendar as is. */
  export type Plugin = { readonly __eventCalendarPlugin: unique symbol };
  export const TimeGrid: Plugin;
  export const DayGrid: Plugin;
  export const Interaction: Plugin;
  export const ResourceTimeGrid: Plugin;
  /** The calendar's methods are listed where they are used (setOption, refetchEvents, unselect). */
  export function createCalendar(target: HTMLElement, plugins: Plugin[], options: Record<string, unknown>): object;
  export function destroyCalendar(calendar: object): void;
}
