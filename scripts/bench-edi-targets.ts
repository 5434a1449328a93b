/** The EDI bench's figures against issue 18's targets: pure arithmetic, no measuring. */

/** One library's (or the node's) median over its runs on the same file. */
export interface EdiFigure {
	ms: number;
	peakMiB: number;
}

export type EdiRun =
	| 'node'
	| 'nodeX12'
	| 'x12Parser'
	| 'splitDropped'
	| 'split'
	| 'objects'
	| 'engine'
	| 'validate'
	| 'ack'
	| 'write'
	| 'nodeX12Write';

export interface TargetLine {
	target: string;
	measured: string;
	met: boolean;
}

/** How many times faster `fast` gets through the same file than `slow`. */
export const throughputRatio = (fast: EdiFigure, slow: EdiFigure) => slow.ms / fast.ms;

export function ediTargets(figures: Record<EdiRun, EdiFigure>): TargetLine[] {
	const { node, nodeX12, x12Parser, engine, ack, write, nodeX12Write } = figures;
	const writeSpeed = throughputRatio(write, nodeX12Write);
	const readSpeed = throughputRatio(node, nodeX12);
	const readMemory = node.peakMiB / nodeX12.peakMiB;
	const engineSpeed = throughputRatio(engine, x12Parser);
	const ackOverRead = ack.ms / node.ms;
	return [
		{
			target: 'Read (node) throughput ≥ 4× node-x12',
			measured: `${readSpeed.toFixed(2)}×`,
			met: readSpeed >= 4,
		},
		{
			target: 'Read (node) peak RSS ≤ ¼ of node-x12',
			measured: `${(readMemory * 100).toFixed(0)} %`,
			met: readMemory <= 0.25,
		},
		{
			target: 'engine alone throughput ≥ 2× x12-parser',
			measured: `${engineSpeed.toFixed(2)}×`,
			met: engineSpeed >= 2,
		},
		{
			target: 'Create Acknowledgment time ≤ Read time',
			measured: `${ackOverRead.toFixed(2)}× Read`,
			met: ackOverRead <= 1,
		},
		{
			target: 'Write (node) faster than node-x12’s toString (issue 19)',
			measured: `${writeSpeed.toFixed(2)}×`,
			met: writeSpeed > 1,
		},
		{
			target: 'Write (node) peak RSS below node-x12’s (issue 19)',
			measured: `${write.peakMiB.toFixed(0)} vs ${nodeX12Write.peakMiB.toFixed(0)} MiB`,
			met: write.peakMiB < nodeX12Write.peakMiB,
		},
	];
}
