import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { titleCase } from 'title-case';

import { FIELD_TEXTS } from '../../nodes/EcGridOs/catalog/fields';
import { RESOURCES } from '../../nodes/EcGridOs/catalog/resources';
import { SIMPLIFIED_FIELDS } from '../../nodes/EcGridOs/catalog/simplify';
import type {
	CallVariant,
	OperationEntry,
	ResourceEntry,
} from '../../nodes/EcGridOs/catalog/types';
import {
	COMPLEX_TYPES,
	ENUM_TYPES,
	OPERATIONS,
} from '../../nodes/EcGridOs/soap/wsdl/operations.generated';
import type { WsdlField } from '../../nodes/EcGridOs/soap/wsdl/types';

interface Listed {
	resource: ResourceEntry;
	value: string;
	entry: OperationEntry;
	label: string;
}

const LISTED: Listed[] = RESOURCES.flatMap((resource) =>
	Object.entries(resource.operations).map(([value, entry]) => ({
		resource,
		value,
		entry,
		label: `${resource.value}.${value}`,
	})),
);

/** Login is the Login credential's own call: its result is a secret, never a node output. */
const CREDENTIAL_ONLY = 'Login';
/** The node pages for the user and the credential supplies the session: no field texts for these. */
const NO_FIELD = new Set(['SessionID', 'PageNo', 'RecordsPerPage', 'PageSize', 'PageNumber']);
const SCOPE = new Set(['networkid', 'mailboxid']);
const NUMERIC = new Set(['int', 'long', 'short', 'unsignedByte', 'float', 'double', 'decimal']);
const SCALAR = new Set([...NUMERIC, 'string', 'dateTime', 'boolean']);

function callsOf(entry: OperationEntry): Array<[CallVariant, string]> {
	return Object.entries(entry.calls) as Array<[CallVariant, string]>;
}

function parametersOf(call: string): WsdlField[] {
	return OPERATIONS[call].parameters.filter((parameter) => parameter.name !== 'SessionID');
}

/** Why `ex` is not `call` plus a Network ID and/or Mailbox ID, or undefined when it is. */
function exProblem(call: string, ex: string): string | undefined {
	const extra = [...parametersOf(ex)];
	for (const parameter of parametersOf(call)) {
		const at = extra.findIndex((p) => p.name === parameter.name && p.type === parameter.type);
		if (at < 0) return `${ex} lacks ${call}'s ${parameter.name}`;
		extra.splice(at, 1);
	}
	if (extra.length === 0) return `${ex} adds nothing to ${call}`;
	const wrong = extra.filter((p) => !SCOPE.has(p.name.toLowerCase()) || p.type !== 'int');
	if (wrong.length > 0) return `${ex} adds ${wrong.map((p) => p.name).join(', ')}`;
	if (new Set(extra.map((p) => p.name.toLowerCase())).size !== extra.length) {
		return `${ex} repeats a scope parameter`;
	}
	return undefined;
}

/**
 * Why `variant` is not `call` with its byte-array content sent as a base64 string, or undefined
 * when it is. The string form may drop the byte count (`Bytes`), which the text carries itself.
 */
function base64Problem(call: string, variant: string): string | undefined {
	const callParameters = parametersOf(call);
	const variantParameters = parametersOf(variant);
	const bytes = callParameters.filter((p) => p.type === 'base64Binary');
	const signature = (parameters: WsdlField[]) =>
		parameters.map((p) => `${p.name}:${p.type}`).join();
	// A download carries the content in its reply: the request is the same.
	if (bytes.length === 0) {
		return signature(callParameters) === signature(variantParameters)
			? undefined
			: `${variant} takes other parameters than ${call}`;
	}
	if (bytes.length !== 1) return `${call} has ${bytes.length} byte-array parameters`;
	const same = (a: WsdlField, b: WsdlField) => a.name === b.name && a.type === b.type;
	const text = variantParameters.filter((p) => !callParameters.some((c) => same(c, p)));
	if (text.length !== 1 || text[0].type !== 'string') {
		return `${variant} does not replace the content by exactly one string`;
	}
	const dropsBytes = !variantParameters.some((p) => p.name === 'Bytes');
	const callRest = callParameters
		.filter((p) => p !== bytes[0] && !(dropsBytes && p.name === 'Bytes' && p.type === 'int'))
		.map((p) => `${p.name}:${p.type}`);
	const variantRest = variantParameters
		.filter((p) => p !== text[0])
		.map((p) => `${p.name}:${p.type}`);
	if (callRest.join() !== variantRest.join()) {
		return `${variant} differs from ${call} in more than the content: ${variantRest.join()} vs ${callRest.join()}`;
	}
	return undefined;
}

/** The record type a result hands to the user: a list's or a page collection's element. */
function recordTypeOf(type: string): string | undefined {
	const fields = COMPLEX_TYPES[type];
	if (fields === undefined) return undefined;
	if (fields.length === 1 && fields[0].maxOccurs === 'unbounded')
		return recordTypeOf(fields[0].type);
	if (fields.some((field) => field.name === 'TotalRecords')) {
		const list = fields.find((field) => field.type.startsWith('ArrayOf'));
		if (list !== undefined) return recordTypeOf(list.type);
	}
	return type;
}

/** Sentence case as n8n's lint wants it, allowing acronyms and ECGrid's own names. */
function isSentenceCase(text: string): boolean {
	const words = text.split(' ');
	if (!/^[A-Z]/.test(words[0])) return false;
	return words
		.slice(1)
		.every(
			(word) =>
				!/[A-Z]/.test(word) ||
				/^[A-Z0-9.\-]+[,;:]?$/.test(word) ||
				/^ECGrid(OS)?('s)?[,;:]?$/.test(word),
		);
}

describe('catalog: which WSDL calls each operation folds', () => {
	it('names every WSDL operation but Login in exactly one operation', () => {
		const seen = new Map<string, string[]>();
		for (const { entry, label } of LISTED) {
			for (const [, call] of callsOf(entry)) seen.set(call, [...(seen.get(call) ?? []), label]);
		}
		const missing = Object.keys(OPERATIONS).filter(
			(name) => name !== CREDENTIAL_ONLY && !seen.has(name),
		);
		const twice = [...seen].filter(([, labels]) => labels.length > 1);
		expect(missing).toEqual([]);
		expect(twice).toEqual([]);
		expect(seen.has(CREDENTIAL_ONLY)).toBe(false);
	});

	it('names only calls the WSDL has', () => {
		const unknown = LISTED.flatMap(({ entry, label }) =>
			callsOf(entry)
				.filter(([, call]) => OPERATIONS[call] === undefined)
				.map(([variant, call]) => `${label}.${variant}: ${call}`),
		);
		expect(unknown).toEqual([]);
	});

	it('folds an Ex call only when it adds nothing but a Network ID and/or Mailbox ID', () => {
		const problems = LISTED.flatMap(({ entry, label }) => {
			const { call, ex, base64, exBase64 } = entry.calls;
			return [
				ex === undefined ? undefined : exProblem(call, ex),
				exBase64 === undefined || base64 === undefined ? undefined : exProblem(base64, exBase64),
				exBase64 !== undefined && (ex === undefined || base64 === undefined)
					? 'exBase64 without ex and base64'
					: undefined,
			]
				.filter((problem) => problem !== undefined)
				.map((problem) => `${label}: ${problem}`);
		});
		expect(problems).toEqual([]);
	});

	it('folds a base64 call only when it differs in the content alone', () => {
		const problems = LISTED.flatMap(({ entry, label }) => {
			const { call, ex, base64, exBase64, noUpdate, noUpdateBase64 } = entry.calls;
			return [
				base64 === undefined ? undefined : base64Problem(call, base64),
				ex === undefined || exBase64 === undefined ? undefined : base64Problem(ex, exBase64),
				noUpdate === undefined || noUpdateBase64 === undefined
					? undefined
					: base64Problem(noUpdate, noUpdateBase64),
			]
				.filter((problem) => problem !== undefined)
				.map((problem) => `${label}: ${problem}`);
		});
		expect(problems).toEqual([]);
	});

	it('folds a no-update call only when it takes the same parameters', () => {
		const signature = (call: string) =>
			parametersOf(call)
				.map((p) => `${p.name}:${p.type}`)
				.join();
		const problems = LISTED.flatMap(({ entry, label }) => {
			const { call, base64, noUpdate, noUpdateBase64 } = entry.calls;
			const pairs: Array<[string, string | undefined]> = [
				[call, noUpdate],
				[base64 ?? call, noUpdateBase64],
			];
			return pairs
				.filter(([, variant]) => variant !== undefined)
				.filter(([plain, variant]) => signature(plain) !== signature(variant as string))
				.map(([plain, variant]) => `${label}: ${variant} vs ${plain}`);
		});
		expect(problems).toEqual([]);
	});

	it('gives every variant of an operation the same result type', () => {
		const mixed = LISTED.filter(
			({ entry }) =>
				new Set(callsOf(entry).map(([, call]) => OPERATIONS[call].result?.type)).size !== 1,
		).map(({ label }) => label);
		expect(mixed).toEqual([]);
	});
});

describe('catalog: what the user reads', () => {
	it('has unique camelCase resource values and Title Case resource names', () => {
		const values = RESOURCES.map((resource) => resource.value);
		expect(new Set(values).size).toBe(values.length);
		expect(values.filter((value) => !/^[a-z][a-zA-Z0-9]*$/.test(value))).toEqual([]);
		const names = RESOURCES.map((resource) => resource.name);
		expect(names.filter((name) => titleCase(name) !== name)).toEqual([]);
		expect(new Set(names).size).toBe(names.length);
	});

	it('has camelCase operation values and unique Title Case names, sorted by name', () => {
		expect(
			LISTED.filter(({ value }) => !/^[a-z][a-zA-Z0-9]*$/.test(value)).map(({ label }) => label),
		).toEqual([]);
		expect(
			LISTED.filter(({ entry }) => titleCase(entry.name) !== entry.name).map(
				({ entry }) => entry.name,
			),
		).toEqual([]);
		for (const resource of RESOURCES) {
			const names = Object.values(resource.operations).map((entry) => entry.name);
			expect(new Set(names).size).toBe(names.length);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('gives every operation a sentence-case action and a one-line description', () => {
		const bad = LISTED.filter(
			({ entry }) =>
				!isSentenceCase(entry.action) ||
				!/^[A-Z]/.test(entry.description) ||
				/[.\s]$/.test(entry.action) ||
				/[.\s]$/.test(entry.description) ||
				/\. [A-Z]/.test(entry.description),
		).map(({ label, entry }) => `${label}: ${entry.action} / ${entry.description}`);
		expect(bad).toEqual([]);
	});

	it('opens every resource on an existing read-only operation', () => {
		const bad = RESOURCES.filter((resource) => {
			const entry = resource.operations[resource.defaultOperation];
			return entry === undefined || entry.destroys !== undefined;
		}).map((resource) => resource.value);
		expect(bad).toEqual([]);
	});

	it('says what is lost for every call that terminates, suspends, deletes, cancels, resets or replaces a secret', () => {
		const destructive =
			/Terminate|Suspend|Delete|Remove|Cancel|Reset|GenerateAPIKey|ChangePassword|UserPassword/;
		const silent = LISTED.filter(
			({ entry }) =>
				entry.destroys === undefined && callsOf(entry).some(([, call]) => destructive.test(call)),
		).map(({ label }) => label);
		expect(silent).toEqual([]);
	});

	it('never warns on reads', () => {
		const reads = LISTED.filter(
			({ entry }) => /^(Get|Find|Search)\b/.test(entry.name) && entry.destroys !== undefined,
		).map(({ label }) => label);
		expect(reads).toEqual([]);
		const empty = LISTED.filter(
			({ entry }) => entry.destroys !== undefined && !/^[A-Z].{20,}[^.\s]$/.test(entry.destroys),
		).map(({ label }) => label);
		expect(empty).toEqual([]);
	});

	it('names exactly the scalar results other than booleans', () => {
		const problems = LISTED.flatMap(({ entry, label }) => {
			const type = OPERATIONS[entry.calls.call].result?.type ?? '';
			const named = SCALAR.has(type) && type !== 'boolean';
			if (named && entry.resultName === undefined) return [`${label}: ${type} result needs a name`];
			if (!named && entry.resultName !== undefined)
				return [`${label}: a ${type} result takes no name`];
			if (entry.resultName !== undefined && !/^[a-z][a-zA-Z0-9]*$/.test(entry.resultName)) {
				return [`${label}: ${entry.resultName} is not camelCase`];
			}
			return [];
		});
		expect(problems).toEqual([]);
	});

	it('overrides only parameters the calls take, with values of their type', () => {
		const problems = LISTED.flatMap(({ entry, label }) =>
			Object.entries(entry.fields ?? {}).flatMap(([name, override]) => {
				const parameter = callsOf(entry)
					.flatMap(([, call]) => parametersOf(call))
					.find((p) => p.name === name);
				if (parameter === undefined) return [`${label}: no parameter ${name}`];
				const out: string[] = [];
				if (override.optional && !['int', 'long'].includes(parameter.type)) {
					out.push(`${label}: ${name} is not an ID`);
				}
				if (override.default !== undefined) {
					const enumNames = ENUM_TYPES[parameter.type];
					const fits = enumNames
						? enumNames.includes(override.default as string)
						: NUMERIC.has(parameter.type)
							? Number.isInteger(override.default)
							: typeof override.default === (parameter.type === 'boolean' ? 'boolean' : 'string');
					if (!fits) out.push(`${label}: ${name} default ${String(override.default)}`);
				}
				if (
					override.description !== undefined &&
					!/^[A-Z0-9-].*[^.\s]$/.test(override.description)
				) {
					out.push(`${label}: ${name} description`);
				}
				return out;
			}),
		);
		expect(problems).toEqual([]);
	});

	it('has between 150 and 180 operations', () => {
		const counts = RESOURCES.map(
			(resource) => `${resource.name} ${Object.keys(resource.operations).length}`,
		);
		console.log(`Catalog: ${LISTED.length} operations (${counts.join(', ')})`);
		expect(LISTED.length).toBeGreaterThanOrEqual(150);
		expect(LISTED.length).toBeLessThanOrEqual(180);
	});
});

describe('catalog: field texts', () => {
	const parameterNames = new Set(
		Object.values(OPERATIONS).flatMap((operation) =>
			operation.parameters.map((parameter) => parameter.name),
		),
	);

	it('describes every parameter name but the session and paging ones, and nothing else', () => {
		const wanted = [...parameterNames].filter((name) => !NO_FIELD.has(name)).sort();
		expect(Object.keys(FIELD_TEXTS).sort()).toEqual(wanted);
	});

	it('writes each text as one short line', () => {
		const bad = Object.entries(FIELD_TEXTS)
			.filter(
				([, text]) =>
					!/^[A-Z0-9-].*[^.\s]$/.test(text.description) ||
					text.description.length > 160 ||
					(text.displayName !== undefined && titleCase(text.displayName) !== text.displayName),
			)
			.map(([name]) => name);
		expect(bad).toEqual([]);
	});
});

describe('catalog: simplified records', () => {
	const returned = new Set(
		Object.values(OPERATIONS)
			.filter((operation) => operation.name !== CREDENTIAL_ONLY)
			.map((operation) => recordTypeOf(operation.result?.type ?? ''))
			.filter((type): type is string => type !== undefined),
	);
	const wide = [...returned].filter((type) => COMPLEX_TYPES[type].length > 10).sort();

	it('lists 5 to 10 real fields of each type', () => {
		const problems = Object.entries(SIMPLIFIED_FIELDS).flatMap(([type, fields]) => {
			const known = COMPLEX_TYPES[type]?.map((field) => field.name);
			if (known === undefined) return [`${type} is not a WSDL type`];
			const out = fields.filter((field) => !known.includes(field)).map((f) => `${type}.${f}`);
			if (fields.length < 5 || fields.length > 10) out.push(`${type}: ${fields.length} fields`);
			if (new Set(fields).size !== fields.length) out.push(`${type}: repeated field`);
			return out;
		});
		expect(problems).toEqual([]);
	});

	it('covers exactly the returned record types with more than 10 fields', () => {
		expect(wide.length).toBeGreaterThan(0);
		expect(Object.keys(SIMPLIFIED_FIELDS).sort()).toEqual(wide);
	});
});

describe("catalog: our own words, not the WSDL's", () => {
	// The WSDL is reference data beside the repository, never in it; ECGRIDOS_WSDL points elsewhere.
	const wsdl =
		process.env.ECGRIDOS_WSDL ??
		resolve(__dirname, '..', '..', '..', 'shared', 'reference', 'ecgridos', 'ECGridOS.wsdl');
	// CI sets ECGRIDOS_REQUIRE_WSDL=1: there a missing WSDL fails the check instead of skipping it.
	const available = existsSync(wsdl) || process.env.ECGRIDOS_REQUIRE_WSDL === '1';

	/** The WSDL's documentation sentences of four words or more, normalised for comparison. */
	function documentationSentences(): string[] {
		const text = readFileSync(wsdl, 'utf8');
		const sentences = new Set<string>();
		for (const match of text.matchAll(
			/<wsdl:documentation[^>]*>([\s\S]*?)<\/wsdl:documentation>/g,
		)) {
			const plain = match[1]
				.replace(/&lt;[\s\S]*?&gt;/g, ' ')
				.replace(/<[^>]*>/g, ' ')
				.replace(/&[a-z]+;/g, ' ');
			for (const sentence of plain.split(/[.!?](?:\s|$)/)) {
				const normalised = normalise(sentence);
				if (normalised.split(' ').length >= 4) sentences.add(normalised);
			}
		}
		return [...sentences];
	}

	function normalise(text: string): string {
		return text
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, ' ')
			.trim();
	}

	(available ? it : it.skip)(
		'copies no documentation sentence into an action, description or field text',
		() => {
			const sentences = documentationSentences();
			expect(sentences.length).toBeGreaterThan(100);
			const ours = [
				...LISTED.flatMap(({ label, entry }) => [
					[label, entry.action],
					[label, entry.description],
					[label, entry.destroys ?? ''],
					...Object.entries(entry.fields ?? {}).map(([name, field]) => [
						`${label}.${name}`,
						field.description ?? '',
					]),
				]),
				...Object.entries(FIELD_TEXTS).map(([name, text]) => [name, text.description]),
			];
			const copied = ours
				.map(([where, text]) => [where, ` ${normalise(text)} `])
				.flatMap(([where, text]) =>
					sentences
						.filter((sentence) => text.includes(` ${sentence} `))
						.map((s) => `${where}: ${s}`),
				);
			expect(copied).toEqual([]);
		},
	);

	if (!available) {
		console.log(`WSDL not found at ${wsdl}: documentation-sentence check skipped`);
	}
});
