/*
 * The Data Table stand-in converts values as n8n 2.41's data-table service does
 * (`validateAndTransformCell`: n8n-workflow's `validateFieldType`, not strict, strings not parsed),
 * so a workflow test sees what a real table would hold.
 */
import { DataTableError, HarnessDataTable } from './data-tables';

const table = () =>
	new HarnessDataTable('1', 'cells', {
		text: 'string',
		count: 'number',
		flag: 'boolean',
		at: 'date',
	});

const insertOne = (data: Record<string, unknown>) => {
	const rows = table();
	rows.insert(data);
	const [{ text, count, flag, at }] = rows.rows();
	return { text, count, flag, at };
};

describe('the Data Table stand-in', () => {
	it("keeps '' in a string column, as n8n does (not null)", () => {
		expect(insertOne({ text: '' }).text).toBe('');
	});

	it("turns '' into 0 in a number column, as n8n's validateFieldType does", () => {
		expect(insertOne({ count: '' }).count).toBe(0);
	});

	it.each([
		['at', ''],
		['flag', ''],
		['count', 'twelve'],
		['at', 'not a date'],
		['text', { nested: true }],
	])('refuses %s = %j, as n8n refuses it', (column, value) => {
		expect(() => insertOne({ [column]: value })).toThrow(DataTableError);
	});

	it('converts what n8n converts: numbers from text, booleans from text, dates to ISO', () => {
		expect(insertOne({ text: 12, count: '5', flag: 'true', at: '2026-12-08T10:30:00Z' })).toEqual({
			text: '12',
			count: 5,
			flag: true,
			at: '2026-12-08T10:30:00.000Z',
		});
	});

	it('keeps null and leaves unset columns null', () => {
		expect(insertOne({ text: null })).toEqual({ text: null, count: null, flag: null, at: null });
	});
});
