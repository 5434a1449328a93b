/**
 * How WSDL names (PascalCase with acronyms: `ECGridIDFrom`, `EMail`, `ECGridOSVersion`) become
 * n8n names: camelCase property and output field names, and Title Case labels.
 */

/** Words ECGrid spells with capitals inside, kept whole. */
const WHOLE_WORDS: ReadonlyArray<[RegExp, string, string]> = [
	[/^ECGridOS/, 'ecgridos', 'ECGridOS'],
	[/^ECGrid/, 'ecgrid', 'ECGrid'],
	[/^EMail/, 'email', 'Email'],
	[/^X12(?!\d)/, 'x12', 'X12'],
	[/^X400/, 'x400', 'X400'],
	[/^AS2/, 'as2', 'AS2'],
	[/^S3/, 's3', 'S3'],
];

/** An acronym run (`ID`, `URL`, `HTTP`), a capitalised word, a lower-case word or a number. */
const WORD = /^(?:[A-Z]+(?![a-z])|[A-Z][a-z]+|[a-z]+|\d+)/;

/** Splits a WSDL name into words, each as [lower-case form, label form]. */
function words(name: string): Array<[string, string]> {
	const result: Array<[string, string]> = [];
	let rest = name.replace(/_/g, '');
	while (rest.length > 0) {
		const whole = WHOLE_WORDS.find(([pattern]) => pattern.test(rest));
		if (whole) {
			result.push([whole[1], whole[2]]);
			rest = rest.replace(whole[0], '');
			continue;
		}
		const word = WORD.exec(rest)?.[0] ?? rest[0];
		result.push([word.toLowerCase(), word === 'Id' ? 'ID' : word]);
		rest = rest.slice(word.length);
	}
	return result;
}

/** `ECGridIDFrom` → `ecgridIdFrom`, `MailboxID` → `mailboxId`, `EMail` → `email`, `ip` → `ip`. */
export function camelName(name: string): string {
	return words(name)
		.map(([lower], index) => (index === 0 ? lower : lower[0].toUpperCase() + lower.slice(1)))
		.join('');
}

/** `ECGridIDFrom` → `ECGrid ID From`, `MailboxID` → `Mailbox ID`, `ShowInactive` → `Show Inactive`. */
export function labelOf(name: string): string {
	return words(name)
		.map(([, label]) => label[0].toUpperCase() + label.slice(1))
		.join(' ');
}
