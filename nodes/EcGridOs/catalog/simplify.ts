/** The short field list of each large record type, for the Simplify toggle. */
export const SIMPLIFIED_FIELDS: Readonly<Record<string, readonly string[]>> = {
	MailboxIDInfo: ['MailboxID', 'NetworkID', 'Name', 'Status', 'Description', 'Created', 'Modified'],
};
