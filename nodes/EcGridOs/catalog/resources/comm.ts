import type { ResourceEntry } from '../types';

export const commResource: ResourceEntry = {
	name: 'Communication & Certificate',
	value: 'comm',
	defaultOperation: 'get',
	operations: {
		addPrivateCertificate: {
			name: 'Add Private Certificate',
			action: 'Add a private certificate to a communication profile',
			description:
				'Install a certificate with its private key (for example a PFX file) on a communication profile',
			calls: { call: 'CertAddPrivate', base64: 'CertAddPrivateA' },
			fields: {
				Password: {
					description: 'The password that protects the private key in the certificate file',
				},
			},
		},
		addPublicCertificate: {
			name: 'Add Public Certificate',
			action: 'Add a public certificate to a communication profile',
			description: 'Install the public certificate of a partner on a communication profile',
			calls: { call: 'CertificateAddPublic', base64: 'CertificateAddPublicA' },
		},
		create: {
			name: 'Create',
			action: 'Create a communication profile',
			description:
				'Set up a connection (AS2, SFTP, FTP, HTTP and others) for a mailbox and get the new profile',
			calls: { call: 'CommAdd' },
			fields: {
				OwnerUserID: {
					optional: true,
					description: 'The user who owns the profile; empty for none',
				},
				Status: { default: 'Active' },
			},
		},
		createPrivateCertificate: {
			name: 'Create Private Certificate',
			action: 'Create a private certificate for a communication profile',
			description:
				'Have ECGrid generate a new key pair and certificate for a communication profile',
			calls: { call: 'CertificateCreatePrivate' },
			fields: {
				SecureHashAlgorithm: { default: 'sha2' },
			},
		},
		findByIdentifier: {
			name: 'Find by Identifier',
			action: 'Find communication profiles that use an identifier',
			description: 'The communication profiles that use a given identifier, such as an AS2 ID',
			calls: { call: 'CommFind' },
		},
		get: {
			name: 'Get',
			action: 'Get a communication profile',
			description:
				'Type, identifier, URL, security settings and certificates of one communication profile',
			calls: { call: 'CommInfo' },
		},
		getMany: {
			name: 'Get Many',
			action: 'Get many communication profiles',
			description: 'The communication profiles of a mailbox of one connection type',
			calls: { call: 'CommList', ex: 'CommListEx' },
		},
		getPair: {
			name: 'Get Pair',
			action: 'Get the communication profiles of two trading partners',
			description:
				'The pair of profiles two ECGrid IDs use to reach each other over one connection type',
			calls: { call: 'CommPair' },
		},
		renewPrivateCertificate: {
			name: 'Renew Private Certificate',
			action: 'Renew a private certificate of a communication profile',
			description:
				'Have ECGrid issue a successor to a certificate it generated, overlapping the old one',
			calls: { call: 'CertificateRenewPrivate' },
			fields: {
				OverlapDays: { default: 30 },
				Years: { default: 1 },
				SecureHashAlgorithm: { default: 'sha2' },
			},
		},
		setMailboxDefault: {
			name: 'Set as Mailbox Default',
			action: 'Make a communication profile the default of a mailbox',
			description:
				'Make a communication profile the one a mailbox uses by default for its protocol',
			calls: { call: 'CommDefaultMailbox' },
		},
		setPair: {
			name: 'Set Pair',
			action: 'Set the communication profiles of two trading partners',
			description: 'Tie two ECGrid IDs to the identifiers they use to reach each other',
			calls: { call: 'CommSetPair' },
		},
		setStatus: {
			name: 'Set Status',
			action: 'Set the status of a communication profile',
			description: 'Turn a communication profile on, suspend it or end it',
			calls: { call: 'CommSetStatus' },
			destroys:
				'The previous status is replaced; a suspended or terminated profile stops sending and receiving at once',
			fields: {
				Status: { default: 'Active' },
			},
		},
		terminateCertificate: {
			name: 'Terminate Certificate',
			action: 'Terminate a certificate of a communication profile',
			description: 'Withdraw one certificate from a communication profile for good',
			calls: { call: 'CertificateTerminate' },
			destroys:
				'The certificate stops being used at once; messages that need it for signing or encryption fail until another is installed',
		},
		update: {
			name: 'Update',
			action: 'Update a communication profile',
			description:
				'Replace the identifier, URL, security and usage settings of a communication profile',
			calls: { call: 'CommUpdate' },
			fields: {
				OwnerUserID: {
					optional: true,
					description: 'The user who owns the profile; empty for none',
				},
			},
		},
	},
};
