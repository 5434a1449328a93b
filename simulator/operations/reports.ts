/**
 * DataSet results (reports, counts, status summaries). Counts come from the world where it has
 * them (parcels, interchanges, interconnects, networks); traffic statistics the world does not
 * keep are generated from the seed. Table and column names are ours: ECGridOS does not document
 * them.
 */
import type { DataSetValue, DataTable, OperationContext, OperationHandler } from '../types';
import type { SimInterconnect, SimMailbox } from '../world/records';
import { canSeeMailbox, canSeeNetwork } from '../world/world';
import { generatorFor } from './records';
import { inRange, me, num, scopedMailbox } from './scope';

const HOUR_MS = 3600_000;
const PERIOD_MS: Record<string, number> = {
	Hour: HOUR_MS,
	Day: 24 * HOUR_MS,
	Week: 7 * 24 * HOUR_MS,
	Month: 30 * 24 * HOUR_MS,
};

type Column = DataTable['columns'][number];
const col = (name: string, type: Column['type']): Column => ({ name, type });

function table(name: string, columns: Column[], rows: Record<string, unknown>[]): DataTable {
	return { name, columns, rows };
}

/** Visible mailboxes, or the one an Ex call names. */
function mailboxesFor(context: OperationContext, ex: boolean): SimMailbox[] {
	if (ex) return [scopedMailbox(context, context.params.MailboxID, context.params.NetworkID)];
	const user = me(context);
	return [...context.world.mailboxes.values()].filter((m) =>
		canSeeMailbox(user, m.networkId, m.mailboxId),
	);
}

function mailboxStats(context: OperationContext, ex: boolean): DataSetValue {
	const parcels = [...context.world.parcels.values()];
	const rows = mailboxesFor(context, ex).map((mailbox) => {
		const own = parcels.filter((p) => p.mailboxId === mailbox.mailboxId);
		const last = own.reduce((latest, p) => Math.max(latest, p.date.getTime()), 0);
		return {
			MailboxID: mailbox.mailboxId,
			Name: mailbox.name,
			InBoxReady: own.filter((p) => p.inInBox && p.status === 'InBoxReady').length,
			InBoxTransferred: own.filter((p) => p.inInBox && p.status === 'InBoxTransferred').length,
			OutBoxErrors: own.filter((p) => p.status === 'outboxDeliveryError').length,
			Bytes: own.reduce((n, p) => n + p.content.length, 0),
			LastTraffic: new Date(last),
		};
	});
	const totals = {
		Mailboxes: rows.length,
		Parcels: rows.reduce((n, r) => n + r.InBoxReady + r.InBoxTransferred + r.OutBoxErrors, 0),
		Bytes: rows.reduce((n, r) => n + r.Bytes, 0),
	};
	return {
		tables: [
			table(
				'MailboxStats',
				[
					col('MailboxID', 'int'),
					col('Name', 'string'),
					col('InBoxReady', 'int'),
					col('InBoxTransferred', 'int'),
					col('OutBoxErrors', 'int'),
					col('Bytes', 'long'),
					col('LastTraffic', 'dateTime'),
				],
				rows,
			),
			table(
				'Totals',
				[col('Mailboxes', 'int'), col('Parcels', 'int'), col('Bytes', 'long')],
				[totals],
			),
		],
	};
}

function interchangeRows(context: OperationContext, ex: boolean, filter = (_date: Date) => true) {
	const boxes = new Set(mailboxesFor(context, ex).map((m) => m.mailboxId));
	const counts = new Map<string, Record<string, unknown>>();
	for (const ic of context.world.interchanges.values()) {
		if (!boxes.has(ic.mailboxIdFrom) && !boxes.has(ic.mailboxIdTo)) continue;
		if (!filter(ic.date)) continue;
		const key = `${ic.ecGridIdFrom}|${ic.ecGridIdTo}|${ic.documentType}`;
		const row = counts.get(key) ?? {
			ECGridIDFrom: ic.ecGridIdFrom,
			ECGridIDTo: ic.ecGridIdTo,
			Standard: ic.standard,
			DocumentType: ic.documentType,
			Interchanges: 0,
			Bytes: 0,
		};
		row.Interchanges = (row.Interchanges as number) + 1;
		row.Bytes = (row.Bytes as number) + ic.bytes;
		counts.set(key, row);
	}
	return [...counts.values()];
}

const INTERCHANGE_COLUMNS = [
	col('ECGridIDFrom', 'int'),
	col('ECGridIDTo', 'int'),
	col('Standard', 'string'),
	col('DocumentType', 'string'),
	col('Interchanges', 'int'),
	col('Bytes', 'long'),
];

function interchangeStats(context: OperationContext, ex: boolean): DataSetValue {
	const { params } = context;
	const direction = params.Direction;
	const boxes = new Set(mailboxesFor(context, ex).map((m) => m.mailboxId));
	const rows = interchangeRows(context, ex, (date) =>
		inRange(date, params.StartTime, params.EndTime),
	);
	const filtered = rows.filter((row) => {
		if (direction === 'NoDir' || direction === undefined) return true;
		const toMe = [...context.world.tradingPartners.values()].some(
			(tp) => tp.ecGridId === row.ECGridIDTo && boxes.has(tp.mailboxId),
		);
		return direction === 'InBox' ? toMe : !toMe;
	});
	return { tables: [table('InterchangeStats', INTERCHANGE_COLUMNS, filtered)] };
}

/** Traffic per period, generated from the seed (the world keeps no history). */
function trafficStats(context: OperationContext, target: Date, periods: number, period: string) {
	const generator = generatorFor(context);
	const step = PERIOD_MS[period] ?? HOUR_MS;
	const count = Math.min(Math.max(periods, 1), 100);
	const rows = Array.from({ length: count }, (_, i) => ({
		PeriodStart: new Date(target.getTime() - (count - i) * step),
		Parcels: generator.int(0, 500),
		Interchanges: generator.int(0, 900),
		Bytes: generator.int(0, 5_000_000),
	}));
	return {
		tables: [
			table(
				'TrafficStats',
				[
					col('PeriodStart', 'dateTime'),
					col('Parcels', 'int'),
					col('Interchanges', 'int'),
					col('Bytes', 'long'),
				],
				rows,
			),
		],
	};
}

function monthly(context: OperationContext, ex: boolean, from: Date, to: Date): DataSetValue {
	const rows = mailboxesFor(context, ex).map((mailbox) => {
		const own = [...context.world.interchanges.values()].filter(
			(ic) =>
				inRange(ic.date, from, to) &&
				(ic.mailboxIdFrom === mailbox.mailboxId || ic.mailboxIdTo === mailbox.mailboxId),
		);
		return {
			NetworkID: mailbox.networkId,
			MailboxID: mailbox.mailboxId,
			Name: mailbox.name,
			InterchangesIn: own.filter((ic) => ic.mailboxIdTo === mailbox.mailboxId).length,
			InterchangesOut: own.filter((ic) => ic.mailboxIdFrom === mailbox.mailboxId).length,
			Bytes: own.reduce((n, ic) => n + ic.bytes, 0),
		};
	});
	return {
		tables: [
			table(
				'Traffic',
				[
					col('NetworkID', 'int'),
					col('MailboxID', 'int'),
					col('Name', 'string'),
					col('InterchangesIn', 'int'),
					col('InterchangesOut', 'int'),
					col('Bytes', 'long'),
				],
				rows,
			),
			table(
				'Period',
				[col('Report', 'int'), col('StartDate', 'dateTime'), col('EndDate', 'dateTime')],
				[{ Report: num(context.params.Report), StartDate: from, EndDate: to }],
			),
		],
	};
}

function monthRange(month: unknown): [Date, Date] {
	const date = month instanceof Date ? month : new Date();
	const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
	const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) - 1);
	return [start, end];
}

function instantStats(context: OperationContext, ex: boolean): DataSetValue {
	const boxes = new Set(mailboxesFor(context, ex).map((m) => m.mailboxId));
	const ecGridId = ex ? num(context.params.ECGridID) : 0;
	const now = context.world.now();
	const rows = [num(context.params.Minutes1), num(context.params.Minutes2)].map((minutes) => {
		const since = now - Math.max(minutes, 0) * 60_000;
		const parcels = [...context.world.parcels.values()].filter(
			(p) =>
				boxes.has(p.mailboxId) &&
				p.date.getTime() >= since &&
				(ecGridId === 0 || p.ecGridIdFrom === ecGridId || p.ecGridIdTo === ecGridId),
		);
		return {
			Minutes: minutes,
			Parcels: parcels.length,
			Bytes: parcels.reduce((n, p) => n + p.content.length, 0),
		};
	});
	return {
		tables: [
			table(
				'InstantStats',
				[col('Minutes', 'int'), col('Parcels', 'int'), col('Bytes', 'long')],
				rows,
			),
		],
	};
}

export function interconnectCountDataSet(
	context: OperationContext,
	interconnects: SimInterconnect[],
): DataSetValue {
	const days = num(context.params.MaxDays);
	const recent = interconnects.filter(
		(ic) => days <= 0 || context.world.now() - ic.modified.getTime() <= days * 24 * HOUR_MS,
	);
	const statuses = [
		'Pending',
		'Completed',
		'Canceled',
		'Delayed',
		'Problem',
		'AuthorizationRequired',
	];
	return {
		tables: [
			table(
				'InterconnectCount',
				[col('Status', 'string'), col('Count', 'int')],
				statuses.map((status) => ({
					Status: status,
					Count: recent.filter((ic) => ic.status === status).length,
				})),
			),
		],
	};
}

function networkStatusSummary(context: OperationContext): DataSetValue {
	const user = me(context);
	const { world } = context;
	const rows = [...world.networks.values()]
		.filter((n) => canSeeNetwork(user, n.networkId))
		.filter((n) => context.params.ShowInactive === true || n.status === 'Active')
		.map((n) => ({
			NetworkID: n.networkId,
			Name: n.name,
			Status: n.status,
			NetworkStatus: 'NormalOperation',
			Mailboxes: [...world.mailboxes.values()].filter((m) => m.networkId === n.networkId).length,
			TradingPartners: [...world.tradingPartners.values()].filter(
				(t) => t.networkId === n.networkId,
			).length,
		}));
	return {
		tables: [
			table(
				'NetworkStatus',
				[
					col('NetworkID', 'int'),
					col('Name', 'string'),
					col('Status', 'string'),
					col('NetworkStatus', 'string'),
					col('Mailboxes', 'int'),
					col('TradingPartners', 'int'),
				],
				rows,
			),
			table(
				'Totals',
				[col('Networks', 'int'), col('Mailboxes', 'int')],
				[{ Networks: rows.length, Mailboxes: rows.reduce((n, r) => n + r.Mailboxes, 0) }],
			),
		],
	};
}

const date = (value: unknown) => (value instanceof Date ? value : new Date());

export const REPORT_HANDLERS: Record<string, OperationHandler> = {
	ReportMonthly: (context) => monthly(context, false, ...monthRange(context.params.Month)),
	ReportMonthlyEx: (context) => monthly(context, true, ...monthRange(context.params.Month)),
	ReportByDateEx: (context) =>
		monthly(context, true, date(context.params.StartDate), date(context.params.EndDate)),
	ReportTrafficStats: (context) => {
		me(context);
		const { params } = context;
		return trafficStats(
			context,
			date(params.TargetTime),
			num(params.NumPeriods),
			String(params.Period),
		);
	},
	ReportTrafficStatsEx: (context) => {
		mailboxesFor(context, true);
		const { params } = context;
		return trafficStats(
			context,
			date(params.TargetTime),
			num(params.NumPeriods),
			String(params.Period),
		);
	},
	ReportTrafficStatsPublic: (context) =>
		trafficStats(
			context,
			new Date(Math.floor(context.world.now() / HOUR_MS) * HOUR_MS),
			24,
			'Hour',
		),
	ReportInstantStats: (context) => instantStats(context, false),
	ReportInstantStatsEx: (context) => instantStats(context, true),
	ReportMailboxStats: (context) => mailboxStats(context, false),
	ReportMailboxStatsEx: (context) => mailboxStats(context, true),
	ReportMailboxInterchangeStats: (context) => ({
		tables: [
			table('MailboxInterchangeStats', INTERCHANGE_COLUMNS, interchangeRows(context, false)),
		],
	}),
	ReportMailboxInterchangeStatsEx: (context) => ({
		tables: [table('MailboxInterchangeStats', INTERCHANGE_COLUMNS, interchangeRows(context, true))],
	}),
	ReportInterchangeStats: (context) => interchangeStats(context, false),
	ReportInterchangeStatsEx: (context) => interchangeStats(context, true),
	NetworkStatusSummary: networkStatusSummary,
};
