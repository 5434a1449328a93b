/**
 * The editor pictures of the catalog-driven node and the EDI flow, each with the check of what it
 * must show: the Resource list, a resource locator (From List / By ID) filled by the simulator,
 * Mailbox → Get Many with Return All executed from the editor, a downloaded parcel's binary data,
 * the three EDI examples (Send EDI, Receive EDI, Watch Acknowledgments) whole, and the ECGridOS
 * Trigger's parameters in the Receive EDI example. Also measures how long the
 * editor takes to open the ECGridOS node's parameter panel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';

import type { Checks } from './checks';
import { repoRoot } from './paths';

export const TOUR_WORKFLOW_ID = 'ecgridE2eTour';
export const DOWNLOAD_WORKFLOW_ID = 'ecgridE2eTourDownload';
export const RECEIVE_EXAMPLE_ID = 'ecgridE2eReceive';
const TRIGGER_NODE = 'New parcel in the InBox';

/** The three EDI examples of README "EDI: send, track and be alerted", each pictured whole. */
export const LOOP_EXAMPLES = [
	{ id: 'ecgridE2eSend', file: 'send-edi', picture: 'send-edi-workflow.png' },
	{ id: RECEIVE_EXAMPLE_ID, file: 'receive-edi', picture: 'receive-edi-workflow.png' },
	{
		id: 'ecgridE2eWatch',
		file: 'watch-acknowledgments',
		picture: 'watch-acknowledgments-workflow.png',
	},
] as const;

export const examplePath = (file: string) => join(repoRoot, 'examples', `${file}.workflow.json`);

function nodeNamesOf(file: string): string[] {
	const workflow = JSON.parse(readFileSync(examplePath(file), 'utf8')) as {
		nodes: Array<{ name: string }>;
	};
	return workflow.nodes.map((node) => node.name);
}

export interface Tour {
	page: Page;
	checks: Checks;
	baseUrl: string;
	shoot(name: string): Promise<void>;
	log(message: string): void;
	/** Resource display names in the built node, in the order the editor lists them. */
	resources: string[];
}

export function canvasNode(page: Page, name: string): Locator {
	return page.locator('[data-test-id="canvas-node"]', { hasText: name }).first();
}

export async function openWorkflow(tour: Tour, id: string, firstNode: string): Promise<void> {
	await tour.page.goto(`${tour.baseUrl}/workflow/${id}`);
	for (let i = 0; i < 3; i++) {
		await tour.page.keyboard.press('Escape');
		await tour.page.waitForTimeout(200);
	}
	await canvasNode(tour.page, firstNode).waitFor({ timeout: 60_000 });
}

/**
 * Double-clicks a node and waits until its parameter panel shows `readyField`; returns the time
 * from the double-click to that moment (what a user waits for).
 */
export async function openNode(tour: Tour, name: string, readyField: string): Promise<number> {
	const started = Date.now();
	await canvasNode(tour.page, name).dblclick();
	const ndv = tour.page.locator('[data-test-id="ndv"]');
	await ndv.locator(`[data-test-id="parameter-input-${readyField}"]`).first().waitFor({
		timeout: 30_000,
	});
	return Date.now() - started;
}

export async function closeNode(tour: Tour): Promise<void> {
	const ndv = tour.page.locator('[data-test-id="ndv"]');
	for (let i = 0; i < 3 && (await ndv.isVisible().catch(() => false)); i++) {
		await tour.page.keyboard.press('Escape');
		await tour.page.waitForTimeout(300);
	}
}

/** Labels of the dropdown options the editor shows right now. */
async function visibleOptions(page: Page): Promise<string[]> {
	const listed = page.locator('[role="option"]:visible');
	await listed.first().waitFor({ timeout: 10_000 });
	return (await listed.allInnerTexts()).map((text) => text.split('\n')[0].trim());
}

/** Closes an open dropdown and waits until its options are gone (they fade out). */
async function closeDropdown(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page
		.locator('[role="option"]:visible')
		.first()
		.waitFor({ state: 'hidden', timeout: 5_000 })
		.catch(() => undefined);
	await page.waitForTimeout(300);
}

async function resourceList(tour: Tour): Promise<void> {
	const ndv = tour.page.locator('[data-test-id="ndv"]');
	await ndv.locator('[data-test-id="parameter-input-resource"]').first().click();
	const labels = await visibleOptions(tour.page);
	const known = labels.filter((label) => tour.resources.includes(label));
	tour.checks.check(
		'editor: the Resource list shows several of the node resources',
		known.length >= 6,
		`${known.length} of ${tour.resources.length} visible: ${labels.join(', ')}`,
	);
	await tour.page.waitForTimeout(600);
	await tour.shoot('node-resources.png');
	await closeDropdown(tour.page);
}

async function resourceLocator(tour: Tour): Promise<void> {
	const { page, checks } = tour;
	const ndv = page.locator('[data-test-id="ndv"]');
	const field = ndv.locator('[data-test-id="parameter-input-mailboxId"]').first();
	await field.locator('[data-test-id="rlc-mode-selector"]').first().click();
	const modes = (await visibleOptions(page)).map((mode) => mode.toLowerCase());
	// The editor writes the list mode as "From list", whatever the node calls it.
	checks.check(
		'editor: Mailbox ID is a resource locator with From List and By ID',
		modes.includes('from list') && modes.includes('by id'),
		modes.join(', '),
	);
	await closeDropdown(page);
	// Opening the list runs the node's listSearch inside n8n, against the simulator.
	await field.locator('[data-test-id="rlc-input"]').first().click();
	const items = page.locator('[data-test-id="rlc-item"]:visible');
	const listed = await items
		.first()
		.waitFor({ timeout: 20_000 })
		.then(async () => await items.allInnerTexts())
		.catch(() => [] as string[]);
	checks.check(
		'editor: From List offers the mailboxes the simulator holds',
		listed.some((text) => text.includes('Acme Foods')),
		listed.join(' | ') || 'no list items',
	);
	await page.waitForTimeout(600);
	await tour.shoot('resource-locator.png');
	await closeDropdown(page);
}

/** What the node view's output pane shows (it is rendered outside the `ndv` element). */
export async function outputText(page: Page): Promise<string> {
	const pane = page.locator('[data-test-id="output-panel"]:visible').first();
	const text = await pane.innerText({ timeout: 5_000 }).catch(() => '');
	return text || (await page.locator('body').innerText());
}

/** Runs the open node from the editor ("Execute step") and waits for its output. */
async function executeOpenNode(tour: Tour): Promise<string> {
	const ndv = tour.page.locator('[data-test-id="ndv"]');
	await ndv.locator('[data-test-id="node-execute-button"]').first().click();
	const count = ndv.locator('[data-test-id="ndv-items-count"]').first();
	await count.waitFor({ timeout: 60_000 });
	return (await count.innerText()).trim();
}

async function listResult(tour: Tour): Promise<void> {
	const ndv = tour.page.locator('[data-test-id="ndv"]');
	const returnAll = ndv.getByText('Return All', { exact: true }).first();
	tour.checks.check(
		'editor: Mailbox → Get Many shows Return All',
		await returnAll.isVisible().catch(() => false),
	);
	const counted = await executeOpenNode(tour);
	const items = Number(/(\d+)\s+item/.exec(counted)?.[1] ?? 0);
	// The table fills in after the item count shows.
	await tour.page
		.getByText('Acme Logistics', { exact: true })
		.first()
		.waitFor({ timeout: 15_000 })
		.catch(() => undefined);
	const shown = await outputText(tour.page);
	tour.checks.check(
		'editor: Get Many executed from the editor lists the mailboxes as items',
		items >= 2 && shown.includes('Acme Foods') && shown.includes('Acme Logistics'),
		`${counted}; output shows ${shown.slice(0, 200)}`,
	);
	await tour.page.waitForTimeout(400);
	await tour.shoot('list-result.png');
}

async function parcelBinary(tour: Tour): Promise<void> {
	const ndv = tour.page.locator('[data-test-id="ndv"]');
	const counted = await executeOpenNode(tour);
	await ndv
		.locator('[data-test-id="ndv-run-data-display-mode"]')
		.getByText('Binary', { exact: true })
		.first()
		.click();
	// The Binary view lists each binary property with its file name, MIME type and size, and a
	// View button only for the MIME types the editor can show (text/plain among them).
	const ready = await tour.page
		.getByText('text/plain', { exact: true })
		.first()
		.waitFor({ timeout: 15_000 })
		.then(() => true)
		.catch(() => false);
	const shown = await outputText(tour.page);
	tour.checks.check(
		'editor: the downloaded parcel shows as binary data with its file name and MIME type',
		ready && shown.includes('x12-850-purchase-order.edi') && shown.includes('text/plain'),
		`${counted}; output shows ${shown.slice(0, 300)}`,
	);
	await tour.page.waitForTimeout(400);
	await tour.shoot('parcel-binary.png');

	const view = ndv.getByRole('button', { name: 'View', exact: true }).first();
	const viewable = await view.isVisible().catch(() => false);
	let preview = '';
	if (viewable) {
		await view.click();
		preview = await tour.page
			.frameLocator('iframe[title="File preview"]')
			.locator('body')
			.innerText({ timeout: 15_000 })
			.catch(() => '');
	}
	tour.checks.check(
		'editor: the downloaded X12 file can be viewed as text in the editor',
		viewable && preview.includes('ISA*') && preview.includes('ST*850'),
		`View button ${viewable ? 'shown' : 'missing'}; preview starts ${JSON.stringify(preview.slice(0, 120))}`,
	);
	await tour.page.waitForTimeout(400);
	await tour.shoot('parcel-view.png');
	await tour.page.keyboard.press('Escape');
}

/** Each EDI example opened whole, every node on the canvas, and pictured. */
async function loopExamples(tour: Tour): Promise<void> {
	for (const example of LOOP_EXAMPLES) {
		const names = nodeNamesOf(example.file);
		await openWorkflow(tour, example.id, names[0]);
		tour.checks.check(
			`editor: the ${example.file} example opens with all its ${names.length} nodes`,
			(await tour.page.locator('[data-test-id="canvas-node"]').count()) === names.length,
		);
		await tour.page.waitForTimeout(1_500); // the canvas fades the nodes in
		await tour.shoot(example.picture);
	}
}

async function triggerParameters(tour: Tour): Promise<void> {
	await openWorkflow(tour, RECEIVE_EXAMPLE_ID, TRIGGER_NODE);
	await openNode(tour, TRIGGER_NODE, 'pollInterval');
	const ndv = tour.page.locator('[data-test-id="ndv"]');
	for (const field of [
		'Poll Interval (Seconds)',
		'Mailbox ID',
		'Status',
		'Max Parcels per Poll',
		'Confirm Download When',
	]) {
		const shown = await ndv
			.getByText(field, { exact: true })
			.first()
			.isVisible()
			.catch(() => false);
		tour.checks.check(`editor: ECGridOS Trigger field "${field}" renders`, shown);
	}
	await tour.shoot('trigger-parameters.png');
	await closeNode(tour);
}

/** Runs every step; returns the times (ms) the ECGridOS node's parameter panel took to open. */
export async function runEditorTour(tour: Tour): Promise<number[]> {
	const openTimes: number[] = [];
	await openWorkflow(tour, TOUR_WORKFLOW_ID, 'Mailbox: Get');
	openTimes.push(await openNode(tour, 'Mailbox: Get', 'resource'));
	await resourceList(tour);
	await resourceLocator(tour);
	await closeNode(tour);
	openTimes.push(await openNode(tour, 'Mailbox: Get Many', 'resource'));
	await listResult(tour);
	await closeNode(tour);
	// A workflow of its own: a second partial run from the same editor page trips n8n 2.41
	// ("Cannot read properties of null (reading 'Start')").
	await openWorkflow(tour, DOWNLOAD_WORKFLOW_ID, 'Parcel: Download');
	openTimes.push(await openNode(tour, 'Parcel: Download', 'resource'));
	await parcelBinary(tour);
	await closeNode(tour);
	await loopExamples(tour);
	await triggerParameters(tour);
	return openTimes;
}
