/*
 * EDIFACT message structures (directory D.96A layout, which later directories extend), one line
 * per message in the notation of `grammar.ts`; loops are the messages' segment groups, named by
 * the segment that starts them. Written for this project from the messages' publicly described
 * layouts. A message not listed here is read as its flat segment list.
 */
const ALC_GROUP =
	'[*15 ALC ALI*5 DTM*5 [* QTY RNG] [* PCD RNG] [*2 MOA RNG] [* RTE RNG] [*5 TAX MOA]]';
// INVOIC's allowance or charge can name its reference (RFF, dated) in a group of its own.
const INVOICE_ALC_GROUP =
	'[*15 ALC ALI*5 DTM*5 [RFF DTM*5] [* QTY RNG] [* PCD RNG] [*2 MOA RNG] [* RTE RNG] [*5 TAX MOA]]';
const PARTY_GROUP = '[*99 NAD(1) LOC*25 FII*5 [*9999 RFF DTM*5] [*5 DOC DTM*5] [*5 CTA COM*5]]';
const PACKAGE_GROUP = '[*1000 PAC MEA*10 [*10 PCI RFF DTM*5 GIN*10]]';
const TRANSPORT_GROUPS = '[*10 TDT [*10 LOC DTM*5]] [*5 TOD LOC*2]';
const ORDER_HEADER = `UNH!(1,2) BGM! DTM!*35 PAI*3 ALI*5 IMD*999 FTX*99 [*10 RFF DTM*5] ${PARTY_GROUP} [*5 TAX MOA LOC*5] [*5 CUX PCD*5 DTM*5] [*10 PAT DTM*5 PCD MOA] ${TRANSPORT_GROUPS} ${PACKAGE_GROUP} [*10 EQD HAN*5 MEA*5 FTX*5] [*10 SCC FTX*5 RFF*5 [*10 QTY DTM*5]] [*10 APR DTM*5 RNG] ${ALC_GROUP}`;
const ORDER_LINE = `[* LIN PIA*25 IMD*99 MEA*99 QTY*99 PCD*5 ALI*5 DTM*35 MOA*10 GIN*127 GIR*1000 QVR DOC*5 PAI FTX*99 [* PAT DTM*5 PCD MOA] [*25 PRI CUX APR RNG DTM*5] [*10 RFF DTM*5] ${PACKAGE_GROUP} [*9999 LOC QTY DTM] [*10 TAX MOA LOC*10] ${PARTY_GROUP} ${ALC_GROUP} ${TRANSPORT_GROUPS} [*10 EQD HAN*5 MEA*5 FTX*5] [*100 SCC FTX*5 RFF*5 [*10 QTY DTM*5]] [*1000 RCS RFF*5 DTM*5 FTX*5] [*100 STG [*3 QTY DTM]]]`;
const SYNTAX_ERROR_GROUPS = '[*999999 UCM(1,2,3) [*999 UCS(1) UCD*99]]';

export const EDIFACT_MESSAGES: Record<string, string> = {
	// Purchase order
	ORDERS: `${ORDER_HEADER} ${ORDER_LINE} UNS! MOA*12 CNT*10 [*15 ALC ALI MOA*2] UNT!(1,2)`,
	// Purchase order response
	ORDRSP: `${ORDER_HEADER} ${ORDER_LINE} UNS! MOA*12 CNT*10 [*15 ALC ALI MOA*2] UNT!(1,2)`,
	// Despatch advice
	DESADV:
		'UNH!(1,2) BGM! DTM*10 ALI*5 MEA*5 MOA*5 [*10 RFF DTM] [*99 NAD LOC*10 [*10 RFF DTM] [*10 CTA COM*5]] [*10 TOD LOC*5 FTX] [*10 TDT PCD [*10 LOC DTM]] [*10 EQD MEA*5 SEL*25 EQA*5 HAN FTX*5] [*10 SCC FTX*5 RFF*5] ' +
		'[* CPS FTX*5 [* PAC MEA*10 QTY*10 [* HAN] [* PCI RFF DTM*5 GIN*10]] [* LIN PIA*10 IMD*25 MEA*10 QTY*10 ALI*10 GIN*100 GIR*100 DLM*100 DTM*5 FTX*5 MOA*5 [* RFF DTM] [*10 DGS QTY FTX] [*100 LOC NAD DTM QTY] [* SGP QTY] [*10 PCI DTM GIN*10] [* QVR DTM RFF*10]]] ' +
		'CNT*5 UNT!(1,2)',
	// Invoice
	INVOIC:
		`UNH!(1,2) BGM! DTM!*35 PAI ALI*5 IMD FTX*10 LOC*10 GIS*10 DGS [*99 RFF DTM*5] ${PARTY_GROUP} [*5 TAX MOA LOC*5] [*5 CUX DTM*5] [*10 PAT DTM*5 PCD MOA] ${TRANSPORT_GROUPS} ${PACKAGE_GROUP} ${INVOICE_ALC_GROUP} [* RCS RFF DTM FTX] [*10 AJT FTX*5] [* INP FTX*2] ` +
		`[* LIN PIA*25 IMD*10 MEA*5 QTY*5 PCD ALI*5 DTM*35 GIN*1000 GIR*1000 QVR EQD FTX*5 [*5 MOA CUX] [*10 PAT DTM*5 PCD MOA] [*25 PRI CUX APR RNG DTM*5] [*10 RFF DTM*5] ${PACKAGE_GROUP} [*9999 LOC QTY DTM] [*99 TAX MOA LOC*5] ${PARTY_GROUP} ${INVOICE_ALC_GROUP} ${TRANSPORT_GROUPS} [*100 RCS RFF DTM FTX]] ` +
		'UNS! CNT*10 [*100 MOA [* RFF DTM*5]] [*10 TAX MOA*2] [*15 ALC ALI MOA*2 FTX] UNT!(1,2)',
	// Syntax and service report
	CONTRL: `UNH!(1,2) UCI!(1,2,3,4) ${SYNTAX_ERROR_GROUPS} [*999999 UCF(1,2,3,4) ${SYNTAX_ERROR_GROUPS}] UNT!(1,2)`,
};
