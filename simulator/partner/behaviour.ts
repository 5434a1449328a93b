/**
 * Partner behaviours as the options object, `inject()` and the `--partner` flag give them:
 * the defaults, the checks, and the flag's text form.
 */
import type { PartnerAnswerKind, PartnerBehaviour } from '../types';

export const PARTNER_ANSWERS: readonly PartnerAnswerKind[] = ['accept', 'reject', 'late', 'never'];
export const DEFAULT_DELAY_MS = 5000;
export const DEFAULT_MIX: Readonly<Record<PartnerAnswerKind, number>> = {
	accept: 7,
	reject: 1,
	late: 1,
	never: 1,
};

/** The demo world's retailers answer what their suppliers upload to them. */
export const DEMO_ANSWERING_PARTNERS: readonly string[] = [
	'ZZ:GLOBEXRETAIL',
	'14:5012345000009',
	'ZZ:INITECHSTORES',
];

/** A trading partner as `QUALIFIER:ID`, the way its envelopes name it, in upper case. */
export function partnerKey(qualifier: string, id: string): string {
	return `${qualifier.trim()}:${id.trim()}`.toUpperCase();
}

/** `zz:globexretail` → `ZZ:GLOBEXRETAIL`; anything without both parts is an error. */
export function checkPartnerKey(raw: string): string {
	const at = raw.indexOf(':');
	if (at < 1 || raw.slice(at + 1).trim() === '') {
		throw new RangeError(
			`A partner is named QUALIFIER:ID, as in its envelopes (e.g. ZZ:GLOBEXRETAIL), not "${raw}"`,
		);
	}
	return partnerKey(raw.slice(0, at), raw.slice(at + 1));
}

const isWhole = (value: unknown, min: number) =>
	typeof value === 'number' && Number.isInteger(value) && value >= min;

/** The behaviour as given, or a RangeError naming the partner and what is wrong. */
export function checkBehaviour(behaviour: PartnerBehaviour, partner: string): PartnerBehaviour {
	const fail = (what: string) => {
		throw new RangeError(`Partner ${partner}: ${what}`);
	};
	const { answer, ack, delayMs, reject, mix, seed } = behaviour;
	if (answer !== undefined && answer !== 'mix' && !PARTNER_ANSWERS.includes(answer)) {
		fail(`answer must be one of ${[...PARTNER_ANSWERS, 'mix'].join(', ')}, not "${answer}"`);
	}
	if (ack !== undefined && ack !== '997' && ack !== '999') fail(`ack must be 997 or 999`);
	if (delayMs !== undefined && !isWhole(delayMs, 0)) fail('delayMs must be a whole number ≥ 0');
	if (seed !== undefined && !isWhole(seed, 0)) fail('seed must be a whole number ≥ 0');
	if (reject?.everyNthGroup !== undefined && !isWhole(reject.everyNthGroup, 1)) {
		fail('reject.everyNthGroup must be a whole number ≥ 1');
	}
	if (reject?.sets !== undefined) {
		if (!Array.isArray(reject.sets) || reject.sets.some((code) => !/^\s*\S+\s*$/.test(code))) {
			fail('reject.sets must list set codes such as 810 or ORDERS');
		}
	}
	if (mix !== undefined) {
		const weights = Object.entries(mix);
		for (const [name, weight] of weights) {
			if (!PARTNER_ANSWERS.includes(name as PartnerAnswerKind)) fail(`mix has no answer "${name}"`);
			if (typeof weight !== 'number' || !(weight >= 0) || !Number.isFinite(weight)) {
				fail(`mix.${name} must be a weight ≥ 0`);
			}
		}
		if (weights.every(([, weight]) => weight === 0)) fail('mix needs a weight above 0');
	}
	return behaviour;
}

/**
 * The `--partner` flag: `QUALIFIER:ID=ANSWER[,key=value…]`, or `QUALIFIER:ID=off`. Keys: `ack`
 * (997 | 999), `sets` (codes joined by `+`), `every` (reject every Nth group), `delay` (ms),
 * `seed`, `listed` (all | rejected), and the mix weights `accept`, `reject`, `late`, `never`.
 */
export function parsePartnerFlag(flag: string): [string, PartnerBehaviour | false] {
	const equals = flag.indexOf('=');
	if (equals < 0) throw new RangeError(`--partner wants QUALIFIER:ID=ANSWER, not "${flag}"`);
	const partner = checkPartnerKey(flag.slice(0, equals));
	const [answer, ...settings] = flag
		.slice(equals + 1)
		.split(',')
		.map((part) => part.trim());
	if (answer === 'off') return [partner, false];
	const behaviour: PartnerBehaviour = { answer: answer as PartnerBehaviour['answer'] };
	const number = (key: string, value: string) => {
		if (!/^\d+(\.\d+)?$/.test(value)) throw new RangeError(`--partner ${partner}: ${key}=${value}`);
		return Number(value);
	};
	for (const setting of settings) {
		const [key, value = ''] = setting.split('=');
		if (key === 'ack') behaviour.ack = value as PartnerBehaviour['ack'];
		else if (key === 'sets') behaviour.reject = { ...behaviour.reject, sets: value.split('+') };
		else if (key === 'every')
			behaviour.reject = { ...behaviour.reject, everyNthGroup: number(key, value) };
		else if (key === 'delay') behaviour.delayMs = number(key, value);
		else if (key === 'seed') behaviour.seed = number(key, value);
		else if (key === 'listed' && (value === 'all' || value === 'rejected'))
			behaviour.acceptedSets = value === 'all';
		else if (PARTNER_ANSWERS.includes(key as PartnerAnswerKind))
			behaviour.mix = { ...behaviour.mix, [key]: number(key, value) };
		else throw new RangeError(`--partner ${partner}: unknown setting "${setting}"`);
	}
	return [partner, checkBehaviour(behaviour, partner)];
}
