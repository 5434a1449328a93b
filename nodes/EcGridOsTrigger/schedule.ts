import type { CronExpression } from 'n8n-workflow';

/** Longest Poll Interval the trigger accepts: one hour. */
export const MAX_POLL_SECONDS = 3600;

/**
 * The cron expression (with a seconds field) for a poll interval in seconds. Cron counts from the
 * start of each minute (or hour), not from activation:
 * - 1–59 s: `*\/N` in the seconds field. When N does not divide 60 the minute's last gap is
 *   shorter (45 → polls at :00 and :45, gaps of 45 s and 15 s).
 * - 60 s and more: whole minutes (the seconds are dropped), `*\/M` in the minutes field, with the
 *   same rule for an M that does not divide 60; 3600 s polls once an hour.
 */
export function cronFor(pollSeconds: number): CronExpression {
	const seconds = Math.min(MAX_POLL_SECONDS, Math.max(1, Math.floor(pollSeconds)));
	if (seconds < 60) return `*/${seconds} * * * * *`;
	const minutes = Math.floor(seconds / 60);
	if (minutes >= 60) return '0 0 * * * *';
	return `0 */${minutes} * * * *`;
}
