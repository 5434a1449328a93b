/** The `--partner` flag of `npm run simulator`, and the checks every behaviour goes through. */
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

import { DEMO_USERS } from '../../../simulator';
import { parsePartnerFlag } from '../../../simulator/partner/behaviour';
import { readSample } from '../../edi/samples';

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

	it('lists the answering partners at start, and they answer so over the wire', async () => {
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
			const output = await new Promise<string>((done, fail) => {
				let seen = '';
				child.stdout.on('data', (chunk: Buffer) => {
					seen += chunk.toString();
					if (/Press Ctrl\+C/.test(seen)) done(seen);
				});
				child.on('exit', (code) => fail(new Error(`exited with ${code}: ${seen}`)));
			});
			expect(output).toContain(
				'Trading partners answering uploads: ZZ:GLOBEXRETAIL (reject), 14:5012345000009 (accept), ZZ:ACMEFOODS (never)\n',
			);
			const url = /listening on (\S+)/.exec(output)![1];
			const key = DEMO_USERS.find((user) => user.loginName === 'mbx.admin')!.apiKey;
			const call = async (operation: string, parameters: Record<string, string>) => {
				const query = new URLSearchParams({ SessionID: key, ...parameters });
				const reply = await fetch(`${url}/${operation}?${query}`);
				expect(reply.status).toBe(200);
				return reply.text();
			};
			await call('ParcelUploadA', {
				FileName: 'invoice.edi',
				ContentBase64: readSample('x12-810-invoice.edi').toString('base64'),
			});
			const inBox = (await (
				await fetch(url.replace(/\/v4\.1\/.*$/, '/admin/inbox?mailboxId=10'))
			).json()) as Array<{ parcelId: number; fileName: string }>;
			// Beside the demo parcels the CLI's world starts with.
			const answers = inBox.filter((parcel) => parcel.fileName.startsWith('997-'));
			expect(answers.map((parcel) => parcel.fileName)).toEqual(['997-000000001.edi']);
			const download = await call('ParcelDownloadA', { ParcelID: String(answers[0].parcelId) });
			const content = /<ContentBase64String>([^<]*)</.exec(download)![1];
			expect(Buffer.from(content, 'base64').toString()).toContain('~AK2*810*0001~AK5*R*1~');
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
