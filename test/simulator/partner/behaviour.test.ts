/** The `--partner` flag of `npm run simulator`, and the checks every behaviour goes through. */
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

import { parsePartnerFlag } from '../../../simulator/partner/behaviour';

describe('parsePartnerFlag', () => {
	it.each([
		['ZZ:GLOBEXRETAIL=accept', ['ZZ:GLOBEXRETAIL', { answer: 'accept' }]],
		[
			'zz:globexretail=accept,ack=999,listed=rejected',
			['ZZ:GLOBEXRETAIL', { answer: 'accept', ack: '999', acceptedSets: false }],
		],
		[
			'ZZ:GLOBEXRETAIL=reject,sets=810+856',
			['ZZ:GLOBEXRETAIL', { answer: 'reject', reject: { sets: ['810', '856'] } }],
		],
		[
			'ZZ:GLOBEXRETAIL=reject,every=3,sets=ORDERS',
			['ZZ:GLOBEXRETAIL', { answer: 'reject', reject: { everyNthGroup: 3, sets: ['ORDERS'] } }],
		],
		['14:5012345000009=late,delay=30000', ['14:5012345000009', { answer: 'late', delayMs: 30000 }]],
		['ZZ:INITECHSTORES=never', ['ZZ:INITECHSTORES', { answer: 'never' }]],
		[
			'ZZ:GLOBEXRETAIL=mix,seed=7,accept=6,never=2,late=1,delay=100',
			[
				'ZZ:GLOBEXRETAIL',
				{ answer: 'mix', seed: 7, mix: { accept: 6, never: 2, late: 1 }, delayMs: 100 },
			],
		],
		['ZZ:GLOBEXRETAIL=off', ['ZZ:GLOBEXRETAIL', false]],
	])('%s', (flag, expected) => {
		expect(parsePartnerFlag(flag)).toEqual(expected);
	});

	it.each([
		['GLOBEXRETAIL', '--partner wants QUALIFIER:ID=ANSWER'],
		['GLOBEXRETAIL=accept', 'A partner is named QUALIFIER:ID'],
		['ZZ:GLOBEXRETAIL=sometimes', 'answer must be one of accept, reject, late, never, mix'],
		['ZZ:GLOBEXRETAIL=accept,ack=998', 'ack must be 997 or 999'],
		['ZZ:GLOBEXRETAIL=late,delay=soon', 'delay=soon'],
		['ZZ:GLOBEXRETAIL=reject,every=0', 'reject.everyNthGroup must be a whole number ≥ 1'],
		['ZZ:GLOBEXRETAIL=reject,colour=red', 'unknown setting "colour=red"'],
	])('refuses %s', (flag, message) => {
		expect(() => parsePartnerFlag(flag)).toThrow(message);
	});
});

describe('npm run simulator -- --partner', () => {
	const ROOT = resolve(__dirname, '../../..');
	const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

	it('lists the answering partners with their answers at start', async () => {
		const child = spawn(
			TSX,
			[
				'simulator/cli.ts',
				'--port',
				'0',
				'--partner',
				'ZZ:GLOBEXRETAIL=reject,sets=810',
				'--partner=ZZ:INITECHSTORES=off',
				'--partner',
				'ZZ:ACMEFOODS=never',
			],
			{ cwd: ROOT },
		);
		try {
			const line = await new Promise<string>((done, fail) => {
				let output = '';
				child.stdout.on('data', (chunk: Buffer) => {
					output += chunk.toString();
					const found = /Trading partners answering uploads: .*\n/.exec(output);
					if (found) done(found[0]);
				});
				child.on('exit', (code) => fail(new Error(`exited with ${code}: ${output}`)));
			});
			expect(line).toBe(
				'Trading partners answering uploads: ZZ:GLOBEXRETAIL (reject), 14:5012345000009 (accept), ZZ:ACMEFOODS (never)\n',
			);
		} finally {
			child.kill('SIGTERM');
		}
	});

	it('fails fast on a bad --partner, naming it', () => {
		const run = spawnSync(
			TSX,
			['simulator/cli.ts', '--port', '0', '--partner', 'ZZ:NOBODY=accept'],
			{
				cwd: ROOT,
				encoding: 'utf8',
			},
		);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('The simulator knows no trading partner ZZ:NOBODY');
	});
});
