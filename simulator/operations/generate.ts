/**
 * Schema-valid values for any WSDL type, deterministic from a seed: what operations without a
 * world of their own answer, and what fills the fields a world record does not model.
 */
import { seededRandom } from '../injection';
import { COMPLEX_TYPES, ENUM_TYPES } from '../metadata';
import type { DataSetValue } from '../types';

/** Records nest this deep at most; deeper optional records are left out. */
const MAX_DEPTH = 3;
const BASE_DATE = Date.UTC(2026, 0, 1);

export interface Generator {
	value(type: string): unknown;
	/** Every field of a complex type: the given ones as they are, the rest generated. */
	complete(type: string, given: Record<string, unknown>): Record<string, unknown>;
	int(min: number, max: number): number;
}

/** FNV-1a, so each operation gets its own stable stream from one simulator seed. */
export function hashSeed(seed: number, text: string): number {
	let hash = (0x811c9dc5 ^ seed) >>> 0;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

export function createGenerator(seed: number, stream: string): Generator {
	const random = seededRandom(hashSeed(seed, stream));
	const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

	function scalar(type: string, name: string): unknown {
		switch (type) {
			case 'string':
				return `${name}-${int(100, 999)}`;
			case 'boolean':
				return random() < 0.5;
			case 'dateTime':
				return new Date(BASE_DATE + int(0, 24 * 365) * 3600_000);
			case 'base64Binary':
				return Buffer.from(`${name}-${int(100, 999)}`);
			case 'float':
			case 'double':
			case 'decimal':
				return int(0, 1000) / 4;
			case 'unsignedByte':
			case 'byte':
				return int(1, 120);
			case 'short':
			case 'unsignedShort':
				return int(1, 30000);
			default:
				return int(1, 99999);
		}
	}

	function value(type: string, name: string, depth: number, ancestry: readonly string[]): unknown {
		const names = ENUM_TYPES[type];
		if (names) {
			// NoChange is an input-only marker, never a stored value.
			const stored = names.filter((n) => n !== 'NoChange');
			return stored[int(0, stored.length - 1)];
		}
		if (type === 'DataSet') return generatedDataSet();
		const fields = COMPLEX_TYPES[type];
		if (!fields) return scalar(type, name);
		const record: Record<string, unknown> = {};
		for (const field of fields) {
			const nested = Object.hasOwn(COMPLEX_TYPES, field.type);
			if (nested && (depth >= MAX_DEPTH || ancestry.includes(field.type))) continue;
			const next = [...ancestry, type];
			if (field.maxOccurs !== 1) {
				const count = depth === 0 ? 3 : 1;
				record[field.name] = Array.from({ length: count }, () =>
					value(field.type, field.name, depth + 1, next),
				);
			} else {
				record[field.name] = value(field.type, field.name, depth + 1, next);
			}
		}
		return record;
	}

	function generatedDataSet(): DataSetValue {
		return {
			tables: [
				{
					name: 'Table',
					columns: [
						{ name: 'ID', type: 'int' },
						{ name: 'Name', type: 'string' },
						{ name: 'Date', type: 'dateTime' },
					],
					rows: [1, 2, 3].map((n) => ({
						ID: n,
						Name: `Row ${n}`,
						Date: new Date(BASE_DATE + n * 86400_000),
					})),
				},
			],
		};
	}

	return {
		value: (type) => value(type, type, 0, []),
		complete(type, given) {
			const fields = COMPLEX_TYPES[type] ?? [];
			const generated = value(type, type, 1, []) as Record<string, unknown>;
			const record: Record<string, unknown> = {};
			for (const field of fields) {
				record[field.name] = Object.hasOwn(given, field.name)
					? given[field.name]
					: generated[field.name];
			}
			return record;
		},
		int,
	};
}
