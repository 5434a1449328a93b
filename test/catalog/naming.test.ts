import { camelName, labelOf } from '../../nodes/EcGridOs/catalog/naming';

describe('WSDL names in n8n', () => {
	it.each([
		['MailboxID', 'mailboxId', 'Mailbox ID'],
		['MailboxId', 'mailboxId', 'Mailbox ID'],
		['ECGridIDFrom', 'ecgridIdFrom', 'ECGrid ID From'],
		['ECGridOSVersion', 'ecgridosVersion', 'ECGridOS Version'],
		['SessionEventID', 'sessionEventId', 'Session Event ID'],
		['EMail', 'email', 'Email'],
		['OtherEMailAddress', 'otherEmailAddress', 'Other Email Address'],
		['HTTPAuthentication', 'httpAuthentication', 'HTTP Authentication'],
		['GSFrom', 'gsFrom', 'GS From'],
		['MailboxX12Delimiters', 'mailboxX12Delimiters', 'Mailbox X12 Delimiters'],
		['PartnerAS2ID', 'partnerAs2Id', 'Partner AS2 ID'],
		['ContentBase64String', 'contentBase64String', 'Content Base 64 String'],
		['X_121', 'x121', 'X 121'],
		['ip', 'ip', 'Ip'],
		['TimeOut', 'timeOut', 'Time Out'],
	])('%s → %s, "%s"', (wsdl, camel, label) => {
		expect(camelName(wsdl)).toBe(camel);
		expect(labelOf(wsdl)).toBe(label);
	});
});
