// Kept apart from exchange-words.ts: the home page needs only this, and it comes with the first load.
import { addDays } from '../../../../shared/time';

/** A placement's last day: it holds [startsOn, endsOn), so a year from 1 September ends on 31 August. */
export const lastDay = (endsOn: string): string => addDays(endsOn, -1);
