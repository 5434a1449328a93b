// Generated files of more sets than a spread (`push(...list)`) takes as arguments.

/**
 * One interchange of `count` 850s, each rejected (no BEG05, no PO1 loop): more than a spread
 * (`push(...lines)`) takes as arguments, in items, acknowledgment lines and errors alike.
 */
export function manyRejectedOrders(count: number): string {
	const isa =
		'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261207*1200*U*00401*000000501*0*P*>~';
	const sets: string[] = [];
	for (let index = 1; index <= count; index++) {
		const number = String(index).padStart(9, '0');
		sets.push(`ST*850*${number}~BEG*00*SA*PO-${index}~SE*3*${number}~`);
	}
	return `${isa}GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261207*1200*1*X*004010~${sets.join('')}GE*${count}*1~IEA*1*000000501~`;
}

/** One interchange of `count` 850s that Read accepts, each numbered as in `manyRejectedOrders`. */
export function manyOrders(count: number): string {
	const isa =
		'ISA*00*          *00*          *ZZ*ACMESUPPLY     *ZZ*GLOBEXRETAIL   *261207*1200*U*00401*000000501*0*P*>~';
	const sets: string[] = [];
	for (let index = 1; index <= count; index++) {
		const number = String(index).padStart(9, '0');
		sets.push(`ST*850*${number}~BEG*00*SA*PO-${index}**20261207~PO1*1*1*EA~SE*4*${number}~`);
	}
	return `${isa}GS*PO*ACMESUPPLY*GLOBEXRETAIL*20261207*1200*1*X*004010~${sets.join('')}GE*${count}*1~IEA*1*000000501~`;
}

/** The same in EDIFACT: `count` ORDERS whose UNT01 miscounts their segments. */
export function manyMiscountedEdifactOrders(count: number): string {
	const messages: string[] = [];
	for (let index = 1; index <= count; index++)
		messages.push(`UNH+${index}+ORDERS:D:96A:UN'BGM+220+PO-${index}+9'UNT+9+${index}'`);
	return `UNB+UNOC:3+ACMESUPPLY:ZZ+GLOBEXRETAIL:ZZ+261207:1200+EF0501'${messages.join('')}UNZ+${count}+EF0501'`;
}

/** A 997 answering one group of `count` sets, each rejected: one item per set when read. */
export function bigFunctionalAcknowledgment(count: number): string {
	const isa =
		'ISA*00*          *00*          *ZZ*GLOBEXRETAIL   *ZZ*ACMESUPPLY     *261207*1200*U*00401*000000601*0*P*>~';
	const loops: string[] = [];
	for (let index = 1; index <= count; index++) loops.push(`AK2*850*${index}~AK5*R*5~`);
	const body = `AK1*PO*1~${loops.join('')}AK9*R*${count}*${count}*0~`;
	const segments = 2 * count + 4;
	return `${isa}GS*FA*GLOBEXRETAIL*ACMESUPPLY*20261207*1200*601*X*004010~ST*997*0001~${body}SE*${segments}*0001~GE*1*601~IEA*1*000000601~`;
}
