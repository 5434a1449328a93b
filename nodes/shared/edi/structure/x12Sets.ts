/*
 * X12 transaction set structures, one line per set in the notation of `grammar.ts`: which
 * segments may appear, in which order, how often, and which loops they form. Written for this
 * project from the sets' publicly described layouts (segment order, loop starts, repeat limits),
 * common to versions 004010 and 005010. A set not listed here is read as its flat segment list.
 */
export const X12_SETS: Record<string, string> = {
	// Purchase order
	'850':
		'ST!(1,2) BEG!(1,2,3,5) CUR REF* PER*3 TAX* FOB* CTP* PAM*10 CSH*5 TC2* [*25 SAC CUR] ITD* DIS*20 INC DTM*10 LDT*12 LIN*5 SI* PID* MEA* PWK*25 PKG* TD1*2 TD5* TD3*12 TD4*5 MAN*10 PCT* CTB*5 TXI* [* LDT QTY* MTX* REF*] ' +
		'[* AMT REF* DTM PCT* [* FA1 FA2!*]] [*1000 N9 DTM* MSG*1000 MTX* PWK* EFI*] [*200 N1(1) N2*2 IN2* N3*2 N4* NX2* REF*12 PER* SI* FOB TD1*2 TD5*12 TD3*12 TD4*5 PKG*200] [* LM LQ!*] [* SPI REF*5 DTM*5 MSG*50 MTX* [*20 N1 N2*2 N3*2 N4 REF*20 G61 MSG*50 MTX*] [* CB1 REF*20 DTM*5 LDT MSG*50 MTX*]] [* ADV DTM* MTX*] ' +
		'[!* PO1 LIN* SI* CUR CN1 PO3*25 [* CTP CUR] PAM*10 MEA* [*1000 PID MEA*10] PWK* PO4* REF* PER*3 [*25 SAC CUR CTP] IT8 CSH* ITD*2 DIS*20 INC TAX* FOB* SDQ*500 IT3*5 DTM*10 TC2* TD1 TD5* TD3*12 TD4*5 PCT* MAN*10 MSG* MTX* SPI* TXI* CTB* [* QTY SI*] [* SCH TD1*2 TD5*12 TD3*12 TD4*5 REF*] [* PKG MEA*] ' +
		'[ LS [!* LDT QTY* MSG MTX* REF*3 [* LM LQ!*]] LE!] [*1000 N9 DTM* MEA* MSG* MTX* PWK* EFI*] [*200 N1 N2*2 IN2* N3*2 N4 QTY* NX2* REF*12 PER*3 SI* DTM FOB SCH*200 TD1*2 TD5*12 TD3*12 TD4*5 PKG*200 [* LDT MAN*10 QTY*5 MSG MTX* REF*3]] ' +
		'[*1000 SLN MSG* MTX* SI* PID* PO3* MEA* TC2* ADV* DTM* CTP* PAM*10 PO4 TAX* [* N9 DTM* MSG* MTX*] [*25 SAC CUR CTP] [* QTY SI*] [* N1 N2*2 IN2* N3*2 N4 NX2* REF* PER* SI*]] [* AMT REF* DTM PCT* [* FA1 FA2!*]] [* LM LQ!*]] ' +
		'[ CTT(1) AMT] SE!(1,2)',
	// Purchase order acknowledgment
	'855':
		'ST!(1,2) BAK!(1,2,3,4) CUR REF* PER*3 TAX* FOB* CTP* PAM*10 CSH*5 [*25 SAC CUR] ITD* DIS*20 INC DTM*10 LDT*12 LIN*5 SI* PID* MEA* PWK*25 PKG* TD1*2 TD5* TD3*12 TD4*5 MAN*10 PCT* TXI* CTB* [* AMT REF DTM PCT*] ' +
		'[*1000 N9 DTM* MSG*1000 MTX* PWK* EFI*] [*200 N1(1) N2*2 IN2* N3*2 N4* NX2* REF*12 PER* SI* FOB TD1*2 TD5*12 TD3*12 TD4*5 PKG*200 MSG* MTX*] [* ADV DTM* MTX*] ' +
		'[* PO1 LIN* SI* CUR CN1 PO3*25 [* CTP CUR] PAM*10 MEA* [*1000 PID MEA*10] PWK* PO4* REF* PER*3 [*25 SAC CUR CTP] IT8 CSH* ITD*2 DIS*20 INC TAX* FOB* SDQ*500 IT3*5 DTM*10 LDT*12 TC2* TD1 TD5* TD3*12 TD4*5 [*104 ACK DTM*] PCT* MAN*10 MSG* MTX* SPI* AMT CTB* TXI* ' +
		'[* QTY SI*] [* PKG MEA*] [* SCH TD1*2 TD5*12 TD3*12 TD4*5 REF*] [*1000 N9 DTM* MSG* MTX* PWK* EFI*] [*200 N1 N2*2 IN2* N3*2 N4 NX2* REF*12 PER*3 SI* DTM FOB SCH*200 TD1*2 TD5*12 TD3*12 TD4*5 QTY* PKG*200] ' +
		'[*1000 SLN MSG* MTX* SI* PID* PO3* MEA* CTP* PAM*10 ACK* [*25 SAC CUR CTP] DTM* PO4 TAX* ADV* [* QTY SI*] [* N9 DTM* MSG* MTX*] [* N1 N2*2 IN2* N3*2 N4 NX2* REF* PER* SI*]]] ' +
		'[ CTT(1) AMT] SE!(1,2)',
	// Ship notice / manifest: every level is an HL loop, listed flat in file order.
	'856':
		'ST!(1,2) BSN!(1,2,3,4) DTM*10 ' +
		'[!* HL(1,3) LIN* SN1 SLN* PRF PO4 PID* MEA* PWK* PKG* TD1* TD5* TD3* AT9 TD4* TSD REF* PER* [* LH1 LH2* LH3* LFH* LEP* LH4*4 LHT* LHR* PER* LHE] [*200 CLD REF* DTP] MAN* DTM* FOB PAL [* N1 N2*2 N3*2 N4 REF* PER* FOB] SDQ* ETD CUR [* SAC CUR] GF YNQ* [* LM LQ!*] [* V1 R4* DTM*] [* N9 DTM* MSG*]] ' +
		'CTT SE!(1,2)',
	// Invoice
	'810':
		'ST!(1,2) BIG!(1,2) NTE* CUR REF* YNQ* PER*3 [*200 N1(1) N2*2 N3*2 N4 REF*12 PER*3 DMG] ITD* DTM*10 FOB PID* MEA* PWK* PKG* L7 BAL* INC PAM* CRC [* LM LQ!*] [* N9 MSG*] [* V1 R4* DTM*] [* FA1 FA2!*] ' +
		'[* IT1 CRC QTY* CUR IT3*5 TXI* CTP* PAM* MEA* [* PID MEA*] PWK* PKG* PO4 ITD* REF* YNQ* PER* SDQ* DTM* CAD* L7* SR [* SAC TXI* DTM] [* SLN DTM REF* PID* SAC* TC2* TXI*] [* N1 N2*2 N3*2 N4 REF* PER* DMG] [* LM LQ!*] [* V1 R4* DTM*] [* FA1 FA2!*]] ' +
		'TDS!(1) TXI* CAD* AMT* [* SAC DTM* TXI*] [* ISS PID] CTT SE!(1,2)',
	// Purchase order change
	'860':
		'ST!(1,2) BCH!(1,2,3,6) CUR REF* PER*3 TAX* FOB* CTP* PAM*10 CSH*5 [*25 SAC CUR] ITD* DIS*20 INC DTM*10 LDT*12 LIN*5 SI* PID* MEA* PWK*25 PKG* TD1*2 TD5* TD3*12 TD4*5 CTB* MAN*10 G53* TXI* PCT* [* LDT QTY* MTX* REF*] [* AMT REF* DTM PCT* [* FA1 FA2!*]] ' +
		'[*1000 N9 DTM* MSG*1000 MTX* PWK* EFI*] [*200 N1(1) N2*2 IN2* N3*2 N4* NX2* REF*12 PER* SI* FOB TD1*2 TD5*12 TD3*12 TD4*5 PKG*200] [* LM LQ!*] [* SPI REF*5 DTM*5 MSG*50 MTX* [*20 N1 N2*2 N3*2 N4 REF*20 G61 MSG*50 MTX*] [* CB1 REF*20 DTM*5 LDT MSG*50 MTX*]] [* ADV DTM* MTX*] ' +
		'[* POC(2) LIN* SI* CUR CN1 PO3*25 [* CTP CUR] PAM*10 MEA* [*1000 PID MEA*10] PWK* PKG*200 PO4* REF* PER*3 [*25 SAC CUR CTP] IT8 CSH* ITD*2 DIS*20 INC TAX* FOB* SDQ*500 IT3*5 DTM*10 TD1 TD5* TD3*12 TD4*5 MAN*10 PCT* TC2*2 CTB* TXI* SPI* MSG* MTX* ' +
		'[* QTY SI*] [* SCH TD1*2 TD5*12 TD3*12 TD4*5 REF*] [*1000 N9 DTM* MSG* MTX* PWK* EFI*] [ LS [!* LDT QTY* MSG MTX* REF*3 [* LM LQ!*]] LE!] [*200 N1 N2*2 IN2* N3*2 N4 QTY* NX2* REF*12 PER*3 SI* DTM FOB SCH*200 TD1*2 TD5*12 TD3*12 TD4*5 PKG*200 [* LDT MAN*10 QTY*5 MSG MTX* REF*3]] ' +
		'[*1000 SLN MSG* MTX* SI* PID* PO3* MEA* TC2* [*25 SAC CUR CTP] DTM* CTP* PAM*10 PO4 TAX* ADV* [* QTY SI*] [* N9 DTM* MSG* MTX*] [* N1 N2*2 IN2* N3*2 N4 NX2* REF* PER* SI*]] [* AMT REF* PCT*] [* LM LQ!*]] ' +
		'[ CTT(1) AMT*5] SE!(1,2)',
	// Warehouse shipping order
	'940':
		'ST!(1,2) W05!(1,2) [*10 N1 N2*2 N3*2 N4 REF*2 PER*5 FOB] N9* G61*3 G62*10 NTE* W09 W66 W6*5 R2*13 BNX [ TD3 AT9] [* LM LQ!*] ' +
		'[* LX MAN* SDQ* N1 G62*10 N9* [* W01 G69*5 N9* NTE* W20*3 QTY*10 AMT* G62*10 MEA* G66 [* N1 N2 N3 N4 PER*5] LH2*6 LHR LH6*5 [* AT8] [* LM LQ!*] ' +
		'[ LS [!* LX N9* G62*10 N1 SDQ* [* LM LQ!*] [* LH1 LH2*4 LH3*10 LFH*20 LEP*3 LH4 LHT*3 LHR*5 PER*5]] LE!] [* FA1 FA2!*]]] W76 SE!(1,2)',
	// Warehouse shipping advice
	'945':
		'ST!(1,2) W06!(1) [!*10 N1 N2 N3*2 N4 PER*5] N9* G61*3 G62*5 NTE*20 W27 W6 W28 W10* G72*5 TD1*5 [* LM LQ!*] ' +
		'[* LX MAN* PAL N9* [* W12 G69*5 N9* G62*10 QTY*10 MEA* AMT R4*5 W27 [* N1 N2 N3 N4 PER*5] G72*5 [* LM LQ!*] [ LS [!* LX N9* G62*10 N1 [* LM LQ!*]] LE!] [* FA1 FA2!*]]] W03 SE!(1,2)',
	// Inventory inquiry / advice
	'846':
		'ST!(1,2) BIA!(1,2,3,4) CUR DTM*10 REF* PER* MEA* [* N1 N2*2 N3*2 N4 REF*12 PER*] [* LM LQ!*] ' +
		'[!* LIN SI* PID* MEA* PKG* DTM* CTP* CUR SAC* REF* PER* SDQ*500 MAN UIT*5 CS DD* G53 PCT* LDT*12 [* LM LQ!*] [* SLN PID* MEA* PKG* [* MAN MEA*]] ' +
		'[* QTY UIT* MEA* LDT*12 DTM* [* SCH MEA*] [* LM LQ!*] [ LS [!* REF DTM* N1 [* LM LQ!*]] LE!]] [* N1 N2*2 N3*2 N4 REF*12 PER* DTM* QTY* LDT]] ' +
		'CTT SE!(1,2)',
	// Functional acknowledgment
	'997': 'ST!(1,2) AK1!(1,2) [* AK2(1,2) [* AK3(1,2) AK4*99] AK5!(1)] AK9!(1,2,3,4) SE!(1,2)',
	// Implementation acknowledgment
	'999':
		'ST!(1,2) AK1!(1,2) [* AK2(1,2) [* IK3(1,2) CTX*10 [*99 IK4(1,3) CTX*10]] IK5!(1)] AK9!(1,2,3,4) SE!(1,2)',
	// Motor carrier load tender: a stop (S5) lists its lading (LAD) and its equipment (N7); a
	// lading description (L5) carries its hazardous materials under a contact (G61, then LH1…).
	'204':
		'ST!(1,2) B2! B2A!(1) L11* G62 MS3 AT5* PLD LH6*6 NTE* [*5 N1 N2 N3*2 N4 L11 G61*3] [* N7 N7A N7B MEA* M7*5] ' +
		'[!* S5(1,2) L11* G62* AT8 LAD* AT5* PLD NTE* [* N1 N2 N3*2 N4 G61*3] [* L5 AT8* [*99 G61 L11*5 LH6*6 [*25 LH1 LH2*4 LH3*10 LFH*20 LEP*3 LH4 LHT*3]] [* N1 N2 N3*2 N4 G61*3]] [* OID G62* LAD* NTE* L5* AT8* [* G61 L11* LH6* LH1* LH2* LH3* LFH* LEP* LH4* LHT* LHR*] [* N1 N2 N3*2 N4 G61*3]] [*10 N7 N7A N7B MEA* M7*5]] ' +
		'L3 SE!(1,2)',
	// Carrier shipment status
	'214':
		'ST!(1,2) B10!(3) L11* MAN* K1* [*10 N1 N2 N3*2 N4 G61* G62 L11*] MS3* ' +
		'[* LX [*10 AT7 MS1 MS2 M7* K1*] L11* MAN* Q7* K1* AT5* AT8* [* CD3 L11* [*10 AT7 MS1 MS2] NM1* Q7* AT8 MAN*] [* N1 N2 N3*3 N4 G61* G62 L11*] ' +
		'[* PRF [* N1 N2 N3*2 N4 L11*] [* CD3 L11* [*10 AT7 MS1 MS2] MAN*]] [* SPO SDQ*] [* EFI BIN!]] ' +
		'SE!(1,2)',
	// Response to a load tender
	'990': 'ST!(1,2) B1!(2) N9* G62*6 N7 L9*40 V9*10 K1* [*999 S5 N9*10 G62*10 K1*10] SE!(1,2)',
	// Payment order / remittance advice
	'820':
		'ST!(1,2) BPR!(1,2,3,4) NTE* TRN CUR REF* DTM* [* N1 N2* N3* N4 REF* PER* RDM DTM] ' +
		'[* ENT [* NM1 N2* N3* N4 REF* PER*] [* ADX NTE* PER* DTM [* REF DTM*] [* IT1 [* REF DTM] [* SAC TXI*] [* SLN [* REF DTM*] [* SAC TXI*]]]] [* RMR NTE* REF* DTM* [* IT1 [* REF DTM] [* SAC TXI*] [* SLN [* REF DTM*] [* SAC TXI*]]] [* ADX NTE* PER* [* REF DTM*] [* IT1 [* REF DTM] [* SAC TXI*] [* SLN [* REF DTM*] [* SAC TXI*]]]]]] ' +
		'[* TXP TXI*] [* DED] [* LX REF* TRN* [* NM1 REF* G53 [* AIN QTY* DTP*] [* PEN AMT* DTP* [* INV DTP*]]]] [ N9 [* AMT REF*] [* N1 REF* [* EMS ATN* AIN* PYD*]]] [* RYL [* NM1 [* LOC [* PID DTM [* PCT QTY [* AMT ADX*]]]] [ ASM ADX]]] ' +
		'SE!(1,2)',
	// Price / sales catalog
	'832':
		'ST!(1,2) BCT!(1) CTP* REF* YNQ*10 PER* DTM*10 CTB*25 CUR*5 ITD*2 LDT* SAC* TD1* TD5* TD3* TD4* FOB PKG* G93*50 TXI* AAA [* N1 N2*2 N3*2 N4* REF*12 PKG* PER* DTM*10] [* LM LQ!*] [* N9 DTM*] ' +
		'[* LIN PO1 G53 SI* DTM*10 REF* YNQ*10 PER* CRD* CTB*25 PID* MEA* PKG* PO4 TD1* TD5* TD3* TD4* ITD*2 LDT SAC* FOB AAA TC2*2 TXI* G55 G54 [*100 CTP G40*99 DTM*10 G36 LDT CUR*5 PO4 CTB*5 REF* G43* SAC* G26*99] ' +
		'[* N1 N2*2 N3*2 N4 REF*12 PER* DTM*10 PKG*] [* G39 CTP] [*20 PKL CTP PKG*2] [ LFG [* CRC QTY]] [* LM LQ!*] [* SLN SI* PID* DTM* CTP* PAM* PO4* PKG* QTY* MEA* SAC* MTX* [* LM LQ!*]] [* N9 DTM*]] ' +
		'CTT SE!(1,2)',
};
