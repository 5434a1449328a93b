import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { EcGridOsFault, TransportError } from '../../nodes/EcGridOs/soap';
import { LoginFailedError } from '../../nodes/EcGridOs/transport/loginFailedError';
import { passThroughN8n, recoverOwnError } from '../../nodes/EcGridOs/transport/ownErrors';

const node = { name: 'ECGridOS', type: 'n8n-nodes-ecgridos.ecGridOs' } as INode;
const accessDenied = new EcGridOsFault(
	{ errorCode: 2, errorString: 'Access denied.', errorItem: '', errorMessage: '' },
	'soap:Client',
	500,
	'Access denied.',
);

describe('recoverOwnError', () => {
	it('finds our error as the cause of n8n’s wrapper (n8n-workflow 2.41)', () => {
		const own = new LoginFailedError('net.admin', accessDenied);
		expect(recoverOwnError(new NodeApiError(node, own as unknown as JsonObject))).toBe(own);
	});

	it('finds it by message when the wrapper dropped the cause (n8n-workflow 2.8)', () => {
		const own = passThroughN8n(new LoginFailedError('mbx.user', accessDenied));
		const wrapperWithoutCause = { message: own.message, cause: undefined };
		expect(recoverOwnError(wrapperWithoutCause)).toBe(own);
	});

	it('leaves foreign errors alone', () => {
		expect(recoverOwnError(new Error('socket hang up'))).toBeUndefined();
	});
});

describe('LoginFailedError', () => {
	it('says ECGridOS refused the login when ECGridOS answered', () => {
		const error = new LoginFailedError('net.admin', accessDenied);
		expect(error.message).toBe('ECGridOS refused the login for "net.admin": Access denied.');
		expect(error.description).toMatch(/not tried again.*ECGridOS error code 2 \(AccessDenied\)/);
	});

	it('says the login could not be made when nothing answered', () => {
		const error = new LoginFailedError(
			'net.admin',
			new TransportError('ECGridOS refused the connection (h:1)', 'refused'),
		);
		expect(error.message).toBe(
			'Could not log in to ECGridOS as "net.admin": ECGridOS refused the connection (h:1)',
		);
	});
});
