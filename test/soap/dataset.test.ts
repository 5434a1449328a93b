import { decodeElement } from '../../nodes/EcGridOs/soap/values';
import { parseXml } from '../../nodes/EcGridOs/soap/xml';

/** A DataSet as ASMX writes it: inline schema, then the diffgram with the rows. */
const DATASET = `<ReportMailboxStatsResult xmlns="https://os.ecgrid.io/">
<xs:schema id="NewDataSet" xmlns="" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:msdata="urn:schemas-microsoft-com:xml-msdata">
 <xs:element name="NewDataSet" msdata:IsDataSet="true" msdata:UseCurrentLocale="true">
  <xs:complexType><xs:choice minOccurs="0" maxOccurs="unbounded">
   <xs:element name="Stats"><xs:complexType><xs:sequence>
    <xs:element name="MailboxID" type="xs:int" minOccurs="0"/>
    <xs:element name="Name" type="xs:string" minOccurs="0"/>
    <xs:element name="Bytes" type="xs:long" minOccurs="0"/>
    <xs:element name="Active" type="xs:boolean" minOccurs="0"/>
    <xs:element name="Share" type="xs:decimal" minOccurs="0"/>
   </xs:sequence></xs:complexType></xs:element>
   <xs:element name="Totals"><xs:complexType><xs:sequence>
    <xs:element name="Parcels" type="xs:int" minOccurs="0"/>
   </xs:sequence></xs:complexType></xs:element>
  </xs:choice></xs:complexType>
 </xs:element>
</xs:schema>
<diffgr:diffgram xmlns:msdata="urn:schemas-microsoft-com:xml-msdata" xmlns:diffgr="urn:schemas-microsoft-com:xml-diffgram-v1">
 <NewDataSet xmlns="">
  <Stats diffgr:id="Stats1" msdata:rowOrder="0"><MailboxID>7</MailboxID><Name>Acme &amp; Co</Name><Bytes>9007199254740993</Bytes><Active>true</Active><Share>0.25</Share></Stats>
  <Stats diffgr:id="Stats2" msdata:rowOrder="1"><MailboxID>8</MailboxID><Name>Globex</Name><Bytes>12</Bytes><Active>false</Active></Stats>
  <Totals diffgr:id="Totals1" msdata:rowOrder="0"><Parcels>42</Parcels></Totals>
 </NewDataSet>
</diffgr:diffgram>
</ReportMailboxStatsResult>`;

describe('DataSet results', () => {
	it('become one row per table row, typed by the inline schema, every column present', async () => {
		const rows = decodeElement('DataSet', await parseXml(DATASET));
		expect(rows).toEqual([
			{
				table: 'Stats',
				MailboxID: 7,
				Name: 'Acme & Co',
				Bytes: '9007199254740993',
				Active: true,
				Share: 0.25,
			},
			{ table: 'Stats', MailboxID: 8, Name: 'Globex', Bytes: 12, Active: false, Share: null },
			{ table: 'Totals', Parcels: 42 },
		]);
	});

	it('gives a dateTime column its zone: ECGridOS times are UTC, and a zoneless one is hours off in n8n', async () => {
		const withDates = DATASET.replace(
			'<xs:element name="Parcels" type="xs:int" minOccurs="0"/>',
			'<xs:element name="Parcels" type="xs:int" minOccurs="0"/><xs:element name="Since" type="xs:dateTime" minOccurs="0"/><xs:element name="Until" type="xs:dateTime" minOccurs="0"/>',
		).replace(
			'<Parcels>42</Parcels>',
			'<Parcels>42</Parcels><Since>2026-03-04T05:06:07.123</Since><Until>2026-03-05T00:00:00-05:00</Until>',
		);
		const rows = decodeElement('DataSet', await parseXml(withDates)) as Array<
			Record<string, unknown>
		>;
		expect(rows[2]).toEqual({
			table: 'Totals',
			Parcels: 42,
			Since: '2026-03-04T05:06:07.123Z',
			Until: '2026-03-05T00:00:00-05:00',
		});
	});

	it('is empty when the diffgram holds no rows', async () => {
		const empty = DATASET.replace(/<NewDataSet xmlns="">[\s\S]*<\/NewDataSet>/, '');
		expect(decodeElement('DataSet', await parseXml(empty))).toEqual([]);
	});
});
