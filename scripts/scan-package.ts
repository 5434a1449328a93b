/**
 * n8n's package scanner (`@n8n/scan-community-package`) on the tarball `npm pack` makes, the
 * lint n8n runs before it lists or verifies a community package: the scanner's own ESLint
 * configuration over the unpacked files (`**\/*.js`, `**\/*.ts`, `**\/*.json`).
 *
 *   tsx scripts/scan-package.ts [tarball]     (default: npm pack of the built package)
 *
 * One finding is allowed, the documented exception (docs/development.md "Why xml2js"): the xml2js runtime
 * dependency, in package.json and where the code requires it. Anything else fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

import { ESLint, type Linter } from 'eslint';

/**
 * The exception: xml2js as the one runtime dependency (package.json) and required where the XML
 * is parsed. Any other dependency or import is a finding.
 */
export function isXml2jsException(finding: Finding, dependencies: readonly string[]): boolean {
	if (finding.ruleId === '@n8n/community-nodes/no-runtime-dependencies')
		return finding.file === 'package.json' && dependencies.join() === 'xml2js';
	return (
		finding.ruleId === '@n8n/community-nodes/no-restricted-imports' &&
		/'xml2js'/.test(finding.message)
	);
}

export interface Finding {
	file: string;
	line: number;
	ruleId: string;
	message: string;
}

function pack(into: string): string {
	const root = resolve(__dirname, '..');
	// The build is the test command's; packing again must not rebuild (prepack would).
	const output = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', into], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return join(into, output.trim().split('\n').at(-1)!);
}

export interface Scan {
	findings: Finding[];
	/** The runtime dependencies the packed package.json names. */
	dependencies: string[];
}

export async function scanTarball(tarball: string): Promise<Scan> {
	const dir = mkdtempSync(join(tmpdir(), 'ecgridos-scan-'));
	try {
		execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
		const { buildScanConfig } = (await import(
			'@n8n/scan-community-package/scanner/scanner.mjs' as string
		)) as { buildScanConfig: () => Promise<Linter.Config[]> };
		const eslint = new ESLint({
			cwd: dir,
			allowInlineConfig: false,
			overrideConfigFile: true,
			overrideConfig: await buildScanConfig(),
		});
		const files = listFiles(dir).filter((file) => /\.(js|ts|json)$/.test(file));
		const results = await eslint.lintFiles(files);
		const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
			dependencies?: Record<string, string>;
		};
		const findings = results.flatMap((result) =>
			result.messages
				.filter((message) => message.severity === 2)
				.map((message) => ({
					file: relative(dir, result.filePath),
					line: message.line,
					ruleId: message.ruleId ?? '(parse)',
					message: message.message,
				})),
		);
		return { findings, dependencies: Object.keys(manifest.dependencies ?? {}) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && !entry.parentPath.includes('node_modules'))
		.map((entry) => join(entry.parentPath, entry.name));
}

async function main(): Promise<void> {
	const scratch = mkdtempSync(join(tmpdir(), 'ecgridos-pack-'));
	try {
		const tarball = process.argv[2] ?? pack(scratch);
		const { findings, dependencies } = await scanTarball(tarball);
		const allowed = findings.filter((finding) => isXml2jsException(finding, dependencies));
		const errors = findings.filter((finding) => !allowed.includes(finding));
		for (const finding of allowed)
			console.log(
				`allowed (xml2js, README "Why xml2js"): ${finding.file}:${finding.line} ${finding.ruleId}`,
			);
		for (const finding of errors)
			console.log(`error: ${finding.file}:${finding.line} ${finding.ruleId}: ${finding.message}`);
		console.log(
			errors.length === 0
				? `n8n's package scanner: no findings but the xml2js exception (${allowed.length})`
				: `n8n's package scanner: ${errors.length} finding(s)`,
		);
		if (errors.length > 0) process.exitCode = 1;
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

if (require.main === module) void main();
