/** In-memory stand-in for n8n's Data Tables (the data-table module of the CLI), for the harness. */
import { validateFieldType, type FieldType } from 'n8n-workflow';

export type ColumnType = 'string' | 'number' | 'boolean' | 'date';
export type Cell = string | number | boolean | Date | null;
export type Row = Record<string, Cell>;

/** A Data Table node condition, as n8n's node hands it to the data-table service. */
export interface RowCondition {
	columnName: string;
	condition:
		'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'isEmpty' | 'isNotEmpty' | 'like' | 'ilike';
	value: unknown;
}

export interface RowFilter {
	type: 'and' | 'or';
	filters: RowCondition[];
}

/** How n8n's data-table service names each column type to `validateFieldType`. */
const FIELD_TYPES: Record<ColumnType, FieldType> = {
	string: 'string',
	number: 'number',
	boolean: 'boolean',
	date: 'dateTime',
};

/** n8n's system columns, filled by the database. */
const SYSTEM_COLUMNS: Record<string, ColumnType> = {
	id: 'number',
	createdAt: 'date',
	updatedAt: 'date',
};

export class DataTableError extends Error {}

/** One table: its columns and rows, with ids from a sequence as the database gives them. */
export class HarnessDataTable {
	private readonly stored: Row[] = [];
	private nextId = 1;

	constructor(
		readonly id: string,
		readonly name: string,
		readonly columns: Record<string, ColumnType>,
	) {}

	private typeOf(column: string): ColumnType {
		const type = SYSTEM_COLUMNS[column] ?? this.columns[column];
		if (type === undefined) throw new DataTableError(`unknown column name '${column}'`);
		return type;
	}

	/**
	 * As n8n's service does (`validateAndTransformCell`): unknown columns refused, null kept, other
	 * values converted by n8n-workflow's own `validateFieldType`, so `''` stays `''` in a string
	 * column, becomes 0 in a number column and is refused in a date or boolean column. Objects are
	 * refused as the Data Table node refuses them before the service sees them.
	 */
	private cell(column: string, value: unknown): Cell {
		const type = this.typeOf(column);
		if (value === null || value === undefined) return null;
		const refuse = (): never => {
			throw new DataTableError(`value '${String(value)}' does not match column type '${type}'`);
		};
		if (value instanceof Date) return type === 'date' ? value : refuse();
		if (typeof value === 'object') return refuse();
		const converted = validateFieldType(column, value, FIELD_TYPES[type], {
			strict: false,
			parseStrings: false,
		});
		if (!converted.valid) return refuse();
		const { newValue } = converted;
		// A date comes back as a Luxon DateTime (n8n-workflow's own, not imported here).
		if (type === 'date') return (newValue as { toJSDate(): Date }).toJSDate();
		// A string column stores what it is given as text (the database column is text).
		return type === 'string' ? String(newValue) : (newValue as Cell);
	}

	private writable(data: Record<string, unknown>): Row {
		const row: Row = {};
		for (const [column, value] of Object.entries(data)) {
			if (column in SYSTEM_COLUMNS) continue;
			if (!(column in this.columns)) throw new DataTableError(`unknown column name '${column}'`);
			row[column] = this.cell(column, value);
		}
		return row;
	}

	private matches(row: Row, filter: RowFilter): boolean {
		const test = ({ columnName, condition, value }: RowCondition): boolean => {
			const have = row[columnName] ?? null;
			if (condition === 'isEmpty') return have === null || have === '';
			if (condition === 'isNotEmpty') return have !== null && have !== '';
			const want = value === null ? null : this.cell(columnName, value);
			const comparable = (cell: Cell) => (cell instanceof Date ? cell.getTime() : cell);
			const [a, b] = [comparable(have), comparable(want)];
			switch (condition) {
				case 'eq':
					return a === b;
				case 'neq':
					return a !== b;
				case 'like':
					return typeof a === 'string' && a.includes(String(b));
				case 'ilike':
					return typeof a === 'string' && a.toLowerCase().includes(String(b).toLowerCase());
			}
			if (a === null || b === null) return false;
			switch (condition) {
				case 'gt':
					return a > b;
				case 'gte':
					return a >= b;
				case 'lt':
					return a < b;
				default:
					return a <= b;
			}
		};
		if (filter.filters.length === 0) return true;
		return filter.type === 'and' ? filter.filters.every(test) : filter.filters.some(test);
	}

	insert(data: Record<string, unknown>): Row {
		const now = new Date();
		const row: Row = { id: this.nextId++, createdAt: now, updatedAt: now };
		for (const column of Object.keys(this.columns)) row[column] = null;
		Object.assign(row, this.writable(data));
		this.stored.push(row);
		return row;
	}

	select(filter: RowFilter): Row[] {
		return this.stored.filter((row) => this.matches(row, filter));
	}

	update(filter: RowFilter, data: Record<string, unknown>): Row[] {
		if (filter.filters.length === 0) throw new DataTableError('Filter must not be empty');
		const values = this.writable(data);
		const updated = this.select(filter);
		for (const row of updated) Object.assign(row, values, { updatedAt: new Date() });
		return updated;
	}

	remove(filter: RowFilter): Row[] {
		if (filter.filters.length === 0) throw new DataTableError('Filter must not be empty');
		const removed = this.select(filter);
		for (const row of removed) this.stored.splice(this.stored.indexOf(row), 1);
		return removed;
	}

	/** The rows as the Data Table node (1.1) outputs them: dates as ISO strings. */
	rows(): Array<Record<string, string | number | boolean | null>> {
		return this.stored.map(toJson);
	}
}

export function toJson(row: Row): Record<string, string | number | boolean | null> {
	return Object.fromEntries(
		Object.entries(row).map(([key, value]) => [
			key,
			value instanceof Date ? value.toISOString() : value,
		]),
	);
}

/** The instance's tables, looked up by name (case-insensitively, as n8n does) or by id. */
export class DataTableStore {
	private readonly tables: HarnessDataTable[] = [];

	constructor(tables: Record<string, Record<string, ColumnType>> = {}) {
		for (const [name, columns] of Object.entries(tables)) this.create(name, columns);
	}

	create(name: string, columns: Record<string, ColumnType>): HarnessDataTable {
		const table = new HarnessDataTable(String(this.tables.length + 1), name, columns);
		this.tables.push(table);
		return table;
	}

	byName(name: string): HarnessDataTable {
		const table = this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
		if (table === undefined) throw new DataTableError(`Data table with name "${name}" not found`);
		return table;
	}

	byId(id: string): HarnessDataTable {
		const table = this.tables.find((t) => t.id === id);
		if (table === undefined) throw new DataTableError(`Could not find data table ${id}`);
		return table;
	}
}
