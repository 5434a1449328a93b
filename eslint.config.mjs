import { configs as communityConfigs } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const n8nBaseRules = (config) => n8nNodesBase.configs[config].rules;

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'nodes/**/*.generated.ts'] },
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
		},
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		...communityConfigs.recommendedWithoutN8nCloudSupport,
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		rules: {
			...communityConfigs.recommendedWithoutN8nCloudSupport.rules,
			// xml2js is a deliberate runtime dependency for self-hosted n8n (see README, "Why xml2js").
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		files: ['package.json'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nBaseRules('community'),
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nBaseRules('credentials'),
			// The rule's own docs: "Only applicable to nodes in the main repository".
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nBaseRules('nodes'),
	},
	{
		// The protocol layer stays free of n8n so later operations and tools can reuse it. Its typed
		// errors become NodeApiError/NodeOperationError in one place: transport/nodeErrors.ts.
		files: ['nodes/EcGridOs/soap/**/*.ts'],
		rules: {
			'@n8n/community-nodes/require-node-api-error': 'off',
			'no-restricted-imports': [
				'error',
				{ patterns: ['n8n-workflow', 'n8n-core', '../transport/*', '../actions/*'] },
			],
		},
	},
	{
		// The EDI node stands on the shared engine alone: no other node's folder, no service code.
		files: ['nodes/EcGridEdi/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: ['n8n-core', '**/EcGridOs/**', '**/EcGridOsTrigger/**'] },
			],
		},
	},
	{
		// The EDI engine is pure and shared by every node: bytes in, data out, nothing of n8n, the
		// service or any one node's folder.
		files: ['nodes/shared/edi/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						'n8n-workflow',
						'n8n-core',
						'**/EcGridOs/**',
						'**/EcGridOsTrigger/**',
						'**/EcGridEdi/**',
					],
				},
			],
		},
	},
);
