// The server's one notion of time is Beijing's (shared/time.ts): answers carry +08:00.
export { iso } from '../../shared/time';
