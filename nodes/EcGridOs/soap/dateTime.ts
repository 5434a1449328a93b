const ZONELESS_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/;

/**
 * An xs:dateTime result with its zone. XmlSerializer writes a DateTime read from SQL Server
 * (DateTimeKind.Unspecified) without one, and n8n reads such text in the workflow's time zone,
 * hours off; ECGridOS times are UTC, so it gets its `Z`. A time with a zone is kept as sent.
 */
export function utcDateTime(text: string): string {
	return ZONELESS_DATE_TIME.test(text) ? `${text}Z` : text;
}
