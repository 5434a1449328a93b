import { packageOf, summarise } from '../../scripts/bench-profile';

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

describe('bench-profile', () => {
	it('names the package of a frame: scoped, plain, built-in, V8 bucket, this repository', () => {
		const modules = 'file:///x/node_modules';
		expect(packageOf(`${modules}/@n8n/typeorm/query.js`, 'f')).toBe('@n8n/typeorm');
		expect(packageOf(`${modules}/a/node_modules/sax/lib/sax.js`, 'write')).toBe('sax');
		expect(packageOf('node:net', 'internalConnect')).toBe('node:net');
		expect(packageOf('', '(garbage collector)')).toBe('(garbage collector)');
		expect(packageOf('', 'writev')).toBe('(native)');
		expect(packageOf(`file://${process.cwd()}/dist/nodes/x.js`, 'f')).toBe('./dist');
	});

	it('sums self time by package and function, inclusive time under named functions, in a window', () => {
		// root → request (axios) → connect (node:net); root → gc. Samples: connect, connect, gc, request.
		const profile = {
			nodes: [
				{ id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
				{ id: 2, callFrame: frame('request', 'file:///n/node_modules/axios/a.js'), children: [3] },
				{ id: 3, callFrame: frame('connect', 'node:net') },
				{ id: 4, callFrame: frame('(garbage collector)', '') },
			],
			samples: [3, 3, 4, 2],
			timeDeltas: [1000, 2000, 3000, 4000],
		};
		const all = summarise(profile, ['request']);
		expect(all.totalMs).toBe(10);
		expect(Object.fromEntries(all.byPackage)).toEqual({
			'node:net': 3,
			'(garbage collector)': 3,
			axios: 4,
		});
		expect(all.byFunction.get('node:net connect:1')).toBe(3);
		expect(all.under.get('request')).toBe(7);
		// Samples taken 3 to 6 ms after the start: the second connect and the GC.
		const window = summarise(profile, [], { from: 3, to: 6 });
		expect(window.totalMs).toBe(5);
	});
});
