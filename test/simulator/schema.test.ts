import { parseDocument } from './client';
import { checkType, missingFields } from './schema';

test('the schema check finds order, type, enum, unknown and missing-field problems', async () => {
	const node = await parseDocument(
		'<StatusInfo><Qualifier>q</Qualifier><Code>99999</Code><Extra /></StatusInfo>',
	);
	expect(checkType('StatusInfo', node, 'x')).toEqual([
		'x: Code out of WSDL order',
		'x.Code: "99999" is not a short',
		'x: unexpected element Extra',
	]);
	expect(missingFields('StatusInfo', node)).toEqual(['Message', 'Level']);
	const session = await parseDocument(
		'<SessionInfo><SessionEventID>1</SessionEventID></SessionInfo>',
	);
	expect(checkType('SessionInfo', session, 's')).toContain('s: required UserID missing');
	const level = await parseDocument('<SessionInfo><AuthLevel>God</AuthLevel></SessionInfo>');
	expect(checkType('SessionInfo', level, 's')).toContain('s.AuthLevel: "God" is not a AuthLevel');
});

test('a DataSet without the inline schema is refused', async () => {
	const node = await parseDocument('<R><NewDataSet><Table><A>1</A></Table></NewDataSet></R>');
	expect(checkType('DataSet', node, 'r')).toEqual(['r: DataSet does not start with xs:schema']);
});
