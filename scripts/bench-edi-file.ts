/**
 * The EDI bench's input: one 004010 interchange of 856 ship notices, each a shipment → order →
 * packs → items HL tree, of about the size asked. Deterministic (the same size gives the same
 * bytes), so every library reads the same file and runs can be compared.
 */

const SETS_PER_GROUP = 10_000;
const ISA =
	'ISA*00*          *00*          *ZZ*ACMEFOODS      *ZZ*GLOBEXRETAIL   *261201*0930*U*00401*000000101*0*P*>~';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** One ship notice's body (BSN to CTT): its HL tree and item count vary with `n`. */
function shipNoticeBody(n: number): string[] {
	const shipment = pad(n, 7);
	const segments = [
		`BSN*00*SH${shipment}*20261201*0930`,
		'DTM*011*20261201',
		'HL*1**S',
		'TD1*CTN25*4',
		'TD5*B*2*UPSN',
		`REF*BM*BOL${shipment}`,
		'N1*ST*GLOBEX STORE*92*' + pad(n % 500, 4),
		'N3*100 MAIN ST',
		'N4*SPRINGFIELD*IL*62701',
		'HL*2*1*O',
		`PRF*PO${shipment}`,
	];
	let hl = 2;
	const packs = 1 + (n % 3);
	for (let pack = 0; pack < packs; pack++) {
		const packHl = ++hl;
		segments.push(`HL*${packHl}*2*P`, `MAN*GM*00012345${shipment}${pack}`);
		const items = 2 + ((n + pack) % 4);
		for (let item = 0; item < items; item++) {
			const sku = pad((n * 7 + item) % 100_000, 5);
			segments.push(
				`HL*${++hl}*${packHl}*I`,
				`LIN**VP*SKU-${sku}*UP*0123456${sku}`,
				`SN1**${1 + ((n + item) % 24)}*EA`,
				`PID*F****ITEM ${sku}`,
			);
		}
	}
	segments.push(`CTT*${hl}`);
	return segments;
}

export interface ShipNotices {
	text: string;
	/** Segments in the file, ISA to IEA. */
	segments: number;
	sets: number;
	groups: number;
}

/** An interchange of 856s, segments ended by `~` alone, of at least `bytes` characters. */
export function shipNoticeInterchange(bytes: number): ShipNotices {
	const parts = [ISA];
	let size = ISA.length;
	let segments = 1;
	let sets = 0;
	let groups = 0;
	const push = (segment: string) => {
		parts.push(segment, '~');
		size += segment.length + 1;
		segments++;
	};
	while (size < bytes) {
		groups++;
		push(`GS*SH*ACMEFOODS*GLOBEXRETAIL*20261201*0930*${groups}*X*004010`);
		let inGroup = 0;
		while (inGroup < SETS_PER_GROUP && size < bytes) {
			sets++;
			inGroup++;
			const control = pad(sets, 9);
			const body = shipNoticeBody(sets);
			push(`ST*856*${control}`);
			for (const segment of body) push(segment);
			push(`SE*${body.length + 2}*${control}`);
		}
		push(`GE*${inGroup}*${groups}`);
	}
	push(`IEA*${groups}*000000101`);
	return { text: parts.join(''), segments, sets, groups };
}
