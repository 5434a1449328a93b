import type { INodeProperties } from 'n8n-workflow';

import { FIELD_TEXTS, fieldLabel } from '../catalog/fields';
import { sentences } from '../soap';
import type { FieldSpec, LocatorKind } from '../catalog/parameters';
import type { FieldOverride } from '../catalog/types';

/** The listSearch method and the words of each pick-list. */
export const LOCATORS: Readonly<
	Record<LocatorKind, { method: string; placeholder: string; noun: string }>
> = {
	mailbox: { method: 'searchMailboxes', placeholder: 'Select a mailbox…', noun: 'mailbox' },
	network: { method: 'searchNetworks', placeholder: 'Select a network…', noun: 'network' },
	user: { method: 'searchUsers', placeholder: 'Select a user…', noun: 'user' },
	tradingPartner: {
		method: 'searchTradingPartners',
		placeholder: 'Select a trading partner…',
		noun: 'trading partner (ECGrid ID)',
	},
	parcel: { method: 'searchParcels', placeholder: 'Select a parcel in the InBox…', noun: 'parcel' },
};

/** Date fields that may stay empty: a range start means 30 days ago, a range end means now. */
export const RANGE_START = /^(BeginDate|StartDate|StartTime)$/;
export const RANGE_END = /^(EndDate|EndTime)$/;

export type FieldProperty = Omit<INodeProperties, 'displayOptions'>;

/** A pick-list (From List) or a typed ID (By ID): also the trigger's Network and Mailbox ID. */
export function locatorProperty(
	kind: LocatorKind,
): Pick<INodeProperties, 'type' | 'default' | 'modes'> {
	const { method, placeholder, noun } = LOCATORS[kind];
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder,
				typeOptions: { searchListMethod: method, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 123456',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `A ${noun} ID is a whole number` },
					},
				],
			},
		],
	};
}

function typedPart(spec: FieldSpec, override: FieldOverride): Partial<INodeProperties> {
	switch (spec.kind) {
		case 'locator':
			return locatorProperty(spec.locator!);
		case 'integer':
			return {
				type: 'number',
				default: typeof override.default === 'number' ? override.default : 0,
				typeOptions: { minValue: spec.range![0], maxValue: spec.range![1], numberPrecision: 0 },
			};
		case 'boolean':
			return { type: 'boolean', default: override.default === true };
		case 'dateTime':
			return { type: 'dateTime', default: '' };
		case 'enum': {
			const values = spec.enumValues!;
			const fallback = typeof override.default === 'string' ? override.default : values[0];
			return {
				type: 'options',
				default: fallback,
				// ECGrid users know these by their WSDL names.
				options: [...values]
					.sort((a, b) => a.localeCompare(b))
					.map((value) => ({ name: value, value })),
			};
		}
		case 'string':
			return {
				type: 'string',
				default: typeof override.default === 'string' ? override.default : '',
				...(spec.secret ? { typeOptions: { password: true } } : {}),
			};
	}
}

/** Catalog texts that already say what an empty field means keep their own meaning. */
const SAYS_WHAT_EMPTY_MEANS = /\bempty\b/i;

function descriptionOf(spec: FieldSpec, override: FieldOverride, scope: boolean): string {
	const base = override.description ?? FIELD_TEXTS[spec.wsdlName]?.description ?? '';
	if (scope) {
		// Said in full here: the generic "ID of the network" would only repeat the field's name.
		const [noun, other] =
			spec.locator === 'network' ? ['network', 'Mailbox ID'] : ['mailbox', 'Network ID'];
		return `Leave empty for the credential's own ${noun}; set it with ${other} to act in another`;
	}
	const empty = RANGE_START.test(spec.wsdlName)
		? 'Empty means 30 days ago'
		: RANGE_END.test(spec.wsdlName)
			? 'Empty means now'
			: spec.kind === 'locator' && override.optional
				? 'Empty means any'
				: undefined;
	if (!empty || SAYS_WHAT_EMPTY_MEANS.test(base)) return base;
	return base ? sentences(base, empty) : sentences(empty);
}

/** Whether the user must fill the field: IDs unless optional or scope, dates unless a range. */
export function isRequired(spec: FieldSpec, override: FieldOverride, scope: boolean): boolean {
	if (scope || override.optional) return false;
	if (spec.kind === 'locator') return true;
	if (spec.kind === 'dateTime')
		return !RANGE_START.test(spec.wsdlName) && !RANGE_END.test(spec.wsdlName);
	return false;
}

/** The n8n field for one WSDL parameter, as one operation shows it. */
export function fieldProperty(
	spec: FieldSpec,
	override: FieldOverride = {},
	scope = false,
): FieldProperty {
	const description = descriptionOf(spec, override, scope);
	return {
		displayName: fieldLabel(spec.wsdlName),
		name: spec.property,
		...(typedPart(spec, override) as Pick<INodeProperties, 'type' | 'default'>),
		...(isRequired(spec, override, scope) ? { required: true } : {}),
		...(description ? { description } : {}),
	};
}
