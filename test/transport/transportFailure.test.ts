import { toTransportError } from '../../nodes/EcGridOs/transport/transportFailure';

function axiosLike(
	code: string,
	message = 'boom',
	url = 'https://host.test:8443/x.asmx/Op?SessionID=SECRET',
) {
	return { message, code, config: { url, data: 'SessionID=SECRET' }, cause: { code } };
}

describe('toTransportError', () => {
	it.each([
		['ECONNREFUSED', 'refused'],
		['ECONNABORTED', 'timeout'],
		['ETIMEDOUT', 'timeout'],
		['ENOTFOUND', 'dns'],
		['ECONNRESET', 'reset'],
		['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
		['CERT_HAS_EXPIRED', 'tls'],
		['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
		['EWHATEVER', 'other'],
	])('classifies %s as %s', (code, failure) => {
		expect(toTransportError(axiosLike(code)).failure).toBe(failure);
	});

	it('names the host but never the URL or body, which hold the key', () => {
		const error = toTransportError(axiosLike('ECONNREFUSED', 'connect ECONNREFUSED SECRET'));
		expect(error.message).toBe('ECGridOS refused the connection (host.test:8443)');
		expect(error.description).toMatch(/\(ECONNREFUSED\)$/);
		expect(`${error.message} ${error.description}`).not.toContain('SECRET');
	});

	it('reads axios timeouts by their message', () => {
		expect(toTransportError({ message: 'timeout of 50ms exceeded' }).failure).toBe('timeout');
	});
});
