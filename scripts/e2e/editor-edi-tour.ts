/**
 * The editor pictures of the ECGrid EDI node, each with the check of what it must show: the node
 * found in the node picker by "EDI", "X12" and "997" (the picture is the "997" search: "EDI" lists
 * it below Edit Fields and other fuzzy matches), Read's parameters executed from the editor with
 * its two outputs (a valid 850 on Valid, one with an empty BEG03 on Invalid), and Create
 * Acknowledgment's parameters.
 */
import type { Page } from 'playwright-core';

import {
	canvasNode,
	closeNode,
	openNode,
	openWorkflow,
	outputText,
	type Tour,
} from './editor-tour';

export const EDI_WORKFLOW_ID = 'ecgridE2eEdiEditor';
const NODE_TITLE = 'ECGrid EDI';
const READ_NODE = 'Read EDI';
const ACK_NODE = 'Create Acknowledgment';
/** Read's two outputs: what each must show of the fixture's two 850s, and its picture. */
const OUTPUTS = [
	{
		branch: 'Valid',
		holds: 'the accepted 850 0001',
		words: ['0001', 'accepted'],
		picture: 'edi-read-valid.png',
	},
	{
		branch: 'Invalid',
		holds: 'the rejected 850, naming BEG03',
		words: ['BEG03', 'rejected'],
		picture: 'edi-read-invalid.png',
	},
];

/** Types `term` into the node picker's search and returns the node names it lists. */
async function searchPicker(page: Page, term: string): Promise<string[]> {
	const search = page.locator('[data-test-id="node-creator-search-bar"]').first();
	await search.fill(term);
	const names = page.locator('[data-test-id="node-creator-item-name"]:visible');
	await page
		.getByText(NODE_TITLE, { exact: true })
		.first()
		.waitFor({ timeout: 10_000 })
		.catch(() => undefined);
	return (await names.allInnerTexts()).map((name) => name.trim());
}

async function nodePicker(tour: Tour): Promise<void> {
	const { page, checks } = tour;
	await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
	await page.locator('[data-test-id="node-creator"]').first().waitFor({ timeout: 10_000 });
	for (const term of ['EDI', 'X12', '997']) {
		const names = await searchPicker(page, term);
		checks.check(
			`editor: the node picker finds ${NODE_TITLE} by "${term}"`,
			names.includes(NODE_TITLE),
			names.join(', ') || 'nothing listed',
		);
	}
	await page.waitForTimeout(400);
	await tour.shoot('edi-node-picker.png');
	await page.keyboard.press('Escape');
	await page.waitForTimeout(300);
}

async function fieldsShown(tour: Tour, node: string, fields: string[]): Promise<void> {
	const ndv = tour.page.locator('[data-test-id="ndv"]');
	for (const field of fields) {
		const shown = await ndv
			.getByText(field, { exact: true })
			.first()
			.isVisible()
			.catch(() => false);
		tour.checks.check(`editor: ${node} field "${field}" renders`, shown);
	}
}

/** Picks one of the output pane's branch tabs (Valid / Invalid) and returns what the pane shows. */
async function showBranch(page: Page, branch: string, expected: string): Promise<string> {
	await page
		.locator('[data-test-id="branches"]:visible')
		.getByText(new RegExp(`^${branch} `))
		.first()
		.click()
		.catch(() => undefined);
	await page
		.getByText(expected)
		.first()
		.waitFor({ timeout: 10_000 })
		.catch(() => undefined);
	await page.waitForTimeout(400);
	return await outputText(page);
}

async function readWithTwoOutputs(tour: Tour): Promise<void> {
	const { page, checks } = tour;
	await openNode(tour, READ_NODE, 'operation');
	await fieldsShown(tour, 'Read', ['Operation', 'Input', 'EDI Text', 'Output One Item Per']);
	// With two outputs the pane shows a tab per output, with its item count, instead of one count.
	await page.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]').first().click();
	const branches = await page
		.locator('[data-test-id="branches"]:visible')
		.first()
		.innerText({ timeout: 60_000 })
		.catch(() => '');
	checks.check(
		'editor: Read executed from the editor shows its two outputs, one item on each',
		/Valid Branch \(1 item\)/.test(branches) && /Invalid Branch \(1 item\)/.test(branches),
		`branches show ${JSON.stringify(branches)}`,
	);
	for (const output of OUTPUTS) {
		const shown = await showBranch(page, output.branch, output.words[0]);
		checks.check(
			`editor: the ${output.branch} output holds ${output.holds}`,
			output.words.every((word) => shown.includes(word)),
			shown.slice(0, 300),
		);
		await tour.shoot(output.picture);
	}
	await closeNode(tour);
}

async function createAcknowledgmentParameters(tour: Tour): Promise<void> {
	await openNode(tour, ACK_NODE, 'controlNumber');
	await fieldsShown(tour, ACK_NODE, [
		'Control Number',
		'X12 Acknowledgment',
		'TA1 Interchange Acknowledgment',
		'Include Accepted Sets',
	]);
	await tour.page.waitForTimeout(400);
	await tour.shoot('edi-create-acknowledgment.png');
	await closeNode(tour);
}

export async function runEdiEditorTour(tour: Tour): Promise<void> {
	await openWorkflow(tour, EDI_WORKFLOW_ID, READ_NODE);
	await canvasNode(tour.page, ACK_NODE).waitFor({ timeout: 30_000 });
	await nodePicker(tour);
	await readWithTwoOutputs(tour);
	await createAcknowledgmentParameters(tour);
}
