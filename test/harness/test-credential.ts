import { CredentialTestContext } from 'n8n-core';
import { NodeHelpers } from 'n8n-workflow';
import type { INodeCredentialTestResult } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { CredentialStore, type HarnessCredential } from './credential-store';
import { HarnessCredentialsHelper } from './credentials-helper';
import { loadPackage, type NodePackage } from './package-loader';

export interface TestCredentialOptions {
	packageRoot?: string;
	nodePackage?: NodePackage;
}

/**
 * What n8n's "Test" button does for a credential whose node names a `testedBy` method: apply the
 * type's defaults, then call the node's credentialTest with a real n8n-core CredentialTestContext
 * (its `helpers.request` is n8n-core's legacy request adapter, so HTTP really goes out).
 * A credential type with a declarative `test` request is not supported here.
 */
export async function testCredential(
	credential: HarnessCredential,
	options: TestCredentialOptions = {},
): Promise<INodeCredentialTestResult> {
	const nodePackage = options.nodePackage ?? loadPackage(options.packageRoot);
	const tester = findTester(nodePackage, credential.type);
	const helper = new HarnessCredentialsHelper(
		new CredentialStore([credential]),
		nodePackage.credentials,
	);
	const context = new CredentialTestContext(buildAdditionalData(helper));
	return await tester.test.call(context, {
		id: credential.id,
		name: credential.name,
		type: credential.type,
		data: helper.applyDefaults(structuredClone(credential.data), credential.type),
	});
}

function findTester(nodePackage: NodePackage, credentialType: string) {
	for (const versioned of nodePackage.nodes) {
		const node = NodeHelpers.getVersionedNodeType(versioned);
		const testedBy = node.description.credentials?.find((c) => c.name === credentialType)?.testedBy;
		if (typeof testedBy !== 'string') continue;
		const test = node.methods?.credentialTest?.[testedBy];
		if (test === undefined) {
			throw new Error(`${node.description.name} names credential test "${testedBy}" but has none`);
		}
		return { test };
	}
	throw new Error(
		`No node in ${nodePackage.name} tests "${credentialType}" credentials via testedBy`,
	);
}
