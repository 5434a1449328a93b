/**
 * A throw-away TLS identity for the WAN bench: a self-signed certificate for 127.0.0.1, made at
 * run time by Debian's `openssl` (Node's crypto makes keys but not certificates). Clients trust it
 * through NODE_EXTRA_CA_CERTS, so nothing in the package relaxes its certificate checks.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TlsIdentity {
	key: Buffer;
	cert: Buffer;
	/** The certificate's file, for NODE_EXTRA_CA_CERTS. */
	certPath: string;
}

/** Writes key.pem and cert.pem into `dir` (valid one day, for 127.0.0.1 and localhost). */
export function selfSignedCertificate(dir: string): TlsIdentity {
	const args = [
		'req',
		'-x509',
		'-newkey',
		'ec',
		'-pkeyopt',
		'ec_paramgen_curve:prime256v1',
		'-nodes',
		'-days',
		'1',
		'-subj',
		'/CN=localhost',
		'-addext',
		'subjectAltName=IP:127.0.0.1,DNS:localhost',
		'-keyout',
		join(dir, 'key.pem'),
		'-out',
		join(dir, 'cert.pem'),
	];
	try {
		execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`the WAN bench needs the openssl command to make its certificate: ${reason}`);
	}
	return identityIn(dir);
}

/** The identity selfSignedCertificate left in `dir`. */
export function identityIn(dir: string): TlsIdentity {
	const certPath = join(dir, 'cert.pem');
	return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(certPath), certPath };
}
