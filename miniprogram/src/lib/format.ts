/** Times in the citizen's own terms: China time in the one format the server's notes use too (shared/format.ts). */
export { formatTime } from '../../../shared/format';
