/*
 * EDIFACT message structures, one line per message in the notation of `grammar.ts`: one layout
 * for every directory, so each takes what directory D.96A allows and what D.01B adds (segments,
 * groups, repeats), since a message valid in either must not be rejected. Loops are the messages'
 * segment groups, named by the segment that starts them. Written for this project from the
 * messages' publicly described layouts. A message not listed here is read as its flat segment list.
 */
const ALC_GROUP =
	'[*99 ALC ALI*5 DTM*5 [* QTY RNG] [* PCD RNG] [*2 MOA RNG] [* RTE RNG] [*5 TAX MOA]]';
// INVOIC's allowance or charge can name its references (RFF, dated) in a group of its own (up to
// 5), and (D01B) a free text and the amount's currency and date.
const INVOICE_ALC_GROUP =
	'[*9999 ALC ALI*5 DTM*5 FTX [*5 RFF DTM*5] [* QTY RNG] [* PCD RNG] [*2 MOA RNG CUX DTM] [* RTE RNG] [*5 TAX MOA]]';
const PARTY_GROUP =
	'[*999 NAD(1) LOC*99 FII*5 MOA*99 [*9999 RFF DTM*5] [*5 DOC DTM*5] [*5 CTA COM*5]]';
const PACKAGE_GROUP = '[*1000 PAC MEA*10 [*10 PCI RFF DTM*5 GIN*10]]';
const TRANSPORT_GROUPS = '[*10 TDT [*10 LOC DTM*5]] [*5 TOD LOC*2]';
// INVOIC's header transport names its service requirement (TSR) and references.
const INVOICE_TRANSPORT_GROUPS = '[*10 TDT TSR [*10 LOC DTM*5] [*9999 RFF DTM*5]] [*5 TOD LOC*2]';
const INVOICE_PACKAGE_GROUP = '[*1000 PAC MEA*10 EQD [*10 PCI RFF DTM*5 GIN*10]]';
// ORDRSP states adjustment details (AJT) in its header and lines; ORDERS does not.
const ADJUSTMENT_GROUP = '[AJT FTX*5]';
const REQUIREMENTS_GROUP = '[*999 RCS RFF*5 DTM*5 FTX*]';
const DANGEROUS_GOODS_GROUP = '[*999 DGS FTX*5 [*99 CTA COM*5]]';
const orderHeader = (adjustment: string) =>
	`UNH!(1,2) BGM! DTM!*35 PAI*3 ALI*5 IMD*999 FTX*99 GIR*10 [*9999 RFF DTM*5] ${adjustment} ${PARTY_GROUP} [*5 TAX MOA LOC*9] [*5 CUX PCD*5 DTM*5] [*10 PAT DTM*5 PCD MOA] ${TRANSPORT_GROUPS} ${PACKAGE_GROUP} [*10 EQD HAN*5 MEA*5 FTX*5] [*10 SCC FTX*5 RFF*5 [*10 QTY DTM*5]] [*25 APR DTM*5 RNG] ${ALC_GROUP} ${REQUIREMENTS_GROUP} ${DANGEROUS_GOODS_GROUP}`;
// A line's package group also gives quantities, dates and a reference of its own.
const orderLine = (adjustment: string) =>
	`[* LIN PIA*25 IMD*99 MEA*99 QTY*99 PCD*5 ALI*5 DTM*35 MOA*10 GIS*99 GIN*1000 GIR*1000 QVR DOC*99 PAI MTD*99 FTX*99 [*999 CCI CAV*10 MEA*10] [* PAT DTM*5 PCD MOA] ${adjustment} [*25 PRI CUX APR RNG DTM*5] [*9999 RFF DTM*5 GIS*99 MOA*99] [*99 PAC MEA*10 QTY*5 DTM*5 [RFF DTM*5] [*99 PCI RFF DTM*5 GIN*99]] [*9999 LOC QTY PCD DTM*5] [*10 TAX MOA LOC*10] ${PARTY_GROUP} ${ALC_GROUP} ${TRANSPORT_GROUPS} [*10 EQD HAN*5 MEA*5 FTX*5] [*100 SCC FTX*5 RFF*5 [*10 QTY DTM*5]] ${REQUIREMENTS_GROUP} [*100 STG [*3 QTY MOA DTM]] ${DANGEROUS_GOODS_GROUP}]`;
const ORDER_SUMMARY = 'UNS! MOA*99 CNT*10 [*15 ALC ALI MOA*2] UNT!(1,2)';
const SYNTAX_ERROR_GROUPS = '[*999999 UCM(1,2,3) [*999 UCS(1) UCD*99]]';

export const EDIFACT_MESSAGES: Record<string, string> = {
	// Purchase order
	ORDERS: `${orderHeader('')} ${orderLine('')} ${ORDER_SUMMARY}`,
	// Purchase order response
	ORDRSP: `${orderHeader(ADJUSTMENT_GROUP)} ${orderLine(ADJUSTMENT_GROUP)} ${ORDER_SUMMARY}`,
	// Despatch advice
	DESADV:
		'UNH!(1,2) BGM! DTM*10 ALI*5 MEA*5 MOA*5 CUX*9 [*10 RFF DTM] [*99 NAD LOC*10 [*10 RFF DTM] [*10 CTA COM*5]] [*10 TOD LOC*5 FTX*5] [*10 TDT PCD*6 TMD [*10 LOC DTM*10]] [*10 EQD MEA*5 SEL*25 EQA*5 [*10 HAN FTX*10]] [*10 SCC FTX*5 RFF*5] ' +
		// A package's identification (PCI) carries its GINs (SSCCs) as one list: the standard's
		// GIN group adds only delivery limitations (DLM), which follow the list here.
		'[* CPS FTX*5 QVR*9 [* PAC MEA*10 QTY*10 [*10 HAN FTX*10] [*1000 PCI RFF DTM*5 [*99 GIR DTM*5] GIN*99 DLM*10 [*99 COD MEA*9 QTY*9 PCD*9]]] ' +
		'[* LIN PIA*10 IMD*25 MEA*10 QTY*10 ALI*10 GIN*100 GIR*100 DLM*100 DTM*5 NAD*99 TDT TMD HAN*20 FTX*99 MOA*5 [* RFF NAD CTA DTM] [*9999 DGS QTY FTX*5] [*100 LOC NAD DTM QTY*10] [* SGP QTY*10] [*9999 PCI DTM*5 MEA*10 QTY GIN*10 DLM*100 [*10 HAN FTX*5 GIN*1000]] [* QVR DTM*5 RFF*10]]] ' +
		'CNT*5 UNT!(1,2)',
	// Invoice
	INVOIC:
		`UNH!(1,2) BGM! DTM!*35 PAI ALI*5 IMD FTX*99 LOC*10 GIS*10 DGS GIR*10 [*99999 RFF DTM*5 GIR*5 LOC*2 MEA*5 QTY*2 FTX*5 MOA*2 RTE*99] ${PARTY_GROUP} [*5 TAX MOA LOC*5] [*99 CUX DTM*5] [*10 PAT DTM*5 PCD MOA PAI FII] ${INVOICE_TRANSPORT_GROUPS} [*99 EQD SEL*9] ${INVOICE_PACKAGE_GROUP} ${INVOICE_ALC_GROUP} [*100 RCS RFF*5 DTM*5 FTX*5] [*10 AJT FTX*5] [* INP FTX*5] ` +
		`[* LIN PIA*25 PGI*99 IMD*99 MEA*5 QTY*5 PCD ALI*5 DTM*35 GIN*1000 GIR*1000 QVR EQD FTX*99 DGS [*99 MOA CUX] [*10 PAT DTM*5 PCD MOA] [*25 PRI CUX APR RNG DTM*5] [*10 RFF DTM*5] ${INVOICE_PACKAGE_GROUP} [*9999 LOC QTY*100 DTM*5] [*99 TAX MOA LOC*5] ${PARTY_GROUP} ${INVOICE_ALC_GROUP} ${TRANSPORT_GROUPS} [*100 RCS RFF*5 DTM*5 FTX*5] [*10 GIS RFF DTM*5 GIR*5 LOC*2 MEA*5 QTY*2 FTX*5 MOA*2]] ` +
		'UNS! CNT*10 [*100 MOA [* RFF DTM*5]] [*10 TAX MOA*9] [*15 ALC ALI MOA*2 FTX] UNT!(1,2)',
	// Syntax and service report
	CONTRL: `UNH!(1,2) UCI!(1,2,3,4) ${SYNTAX_ERROR_GROUPS} [*999999 UCF(1,2,3,4) ${SYNTAX_ERROR_GROUPS}] UNT!(1,2)`,
};
