import type { ResourceEntry } from '../types';

const OPTIONAL_PARTNERS = {
	ECGridIDFrom: {
		optional: true,
		description: 'Only parcels from this ECGrid ID; empty for any sender',
	},
	ECGridIDTo: {
		optional: true,
		description: 'Only parcels to this ECGrid ID; empty for any receiver',
	},
} as const;

const ARCHIVE_FIELDS = {
	...OPTIONAL_PARTNERS,
	MailbagControlID: { description: 'Only the parcel with this mailbag control ID; empty for all' },
} as const;

export const parcelResource: ResourceEntry = {
	name: 'Parcel',
	value: 'parcel',
	defaultOperation: 'get',
	operations: {
		addAcknowledgmentNote: {
			name: 'Add Acknowledgment Note',
			action: 'Add an acknowledgment note to a parcel',
			description:
				'Attach a note with a subject to a parcel, for example to record a functional acknowledgment',
			calls: { call: 'ParcelAcknowledgmentNote' },
		},
		cancelDownload: {
			name: 'Cancel Download',
			action: 'Cancel the download of a parcel',
			description: 'Take a parcel out of the InBox without delivering it',
			calls: { call: 'ParcelDownloadCancel' },
			destroys:
				'The parcel leaves the InBox undelivered; the next InBox poll no longer sees it and it is not downloaded again',
		},
		confirmDownload: {
			name: 'Confirm Download',
			action: 'Confirm the download of a parcel',
			description:
				'Tell ECGrid a downloaded parcel arrived safely, which takes it out of the InBox',
			calls: { call: 'ParcelDownloadConfirm' },
			destroys:
				'The parcel leaves the InBox for the archive; InBox listings no longer show it, so confirm only after the file is stored',
		},
		confirmDownloadPendingAck: {
			name: 'Confirm Download with Pending Acknowledgment',
			action: 'Confirm the download of a parcel that awaits an acknowledgment',
			description:
				'Take a downloaded parcel out of the InBox and set the status it waits in for its acknowledgment',
			calls: { call: 'ParcelDownloadConfirmPendingAck' },
			destroys:
				'The parcel leaves the InBox for the archive; InBox listings no longer show it, so confirm only after the file is stored',
			fields: {
				Status: {
					description: 'The status the parcel keeps until acknowledged',
				},
			},
		},
		download: {
			name: 'Download',
			action: 'Download a parcel',
			description:
				'The file of a parcel from the InBox or the archive, marked as downloaded unless you say otherwise',
			calls: {
				call: 'ParcelDownload',
				base64: 'ParcelDownloadA',
				noUpdate: 'ParcelDownloadNoUpdate',
				noUpdateBase64: 'ParcelDownloadNoUpdateA',
			},
		},
		downloadToS3: {
			name: 'Download to S3',
			action: 'Copy a parcel to an S3 bucket',
			description: 'Have ECGrid write the file of a parcel straight into an Amazon S3 bucket',
			calls: { call: 'ParcelDownloadS3' },
			resultName: 's3Result',
			fields: {
				Prefix: { description: 'Folder path inside the bucket; empty writes to the bucket root' },
			},
		},
		findByMailbagControlId: {
			name: 'Find by Mailbag Control ID',
			action: 'Find parcels by sender mailbag control ID',
			description:
				'The parcels a mailbox sent under a given mailbag control ID, such as an AS2 message ID',
			calls: { call: 'ParcelFindMailbagControlID' },
		},
		findByReceiverMailbagControlId: {
			name: 'Find by Receiver Mailbag Control ID',
			action: 'Find parcels by receiver mailbag control ID',
			description:
				'The parcels a mailbox received under a given mailbag control ID between two dates',
			calls: { call: 'ParcelFindMailbagControlIDTo' },
		},
		get: {
			name: 'Get',
			action: 'Get a parcel',
			description:
				'File name, size, sender, receiver, dates and status of one parcel, without its content',
			calls: { call: 'ParcelInfo' },
		},
		getInProcess: {
			name: 'Get In Process',
			action: 'Get parcels in process',
			description: 'The parcels sent from the OutBox that ECGrid is still working on',
			calls: { call: 'ParcelOutBoxInProcess', ex: 'ParcelOutBoxInProcessEx' },
		},
		getManifest: {
			name: 'Get Manifest',
			action: 'Get the manifest of a parcel',
			description: 'Each step a parcel and its interchanges went through, with dates and status',
			calls: { call: 'ParcelManifest' },
		},
		getManyInInBox: {
			name: 'Get Many in InBox',
			action: 'Get many parcels in the inbox',
			description: 'The parcels waiting in the InBox of the session mailbox',
			calls: { call: 'ParcelInBox' },
		},
		getManyInInBoxByPartner: {
			name: 'Get Many in InBox by Partner',
			action: 'Get many parcels in the inbox of a given mailbox by partner',
			description:
				'The parcels waiting in the InBox of a mailbox you name, optionally from or to one ECGrid ID',
			calls: { call: 'ParcelInBoxEx' },
			fields: { ...OPTIONAL_PARTNERS },
		},
		getManyInInBoxByStatus: {
			name: 'Get Many in InBox by Status',
			action: 'Get many parcels in the inbox by status',
			description:
				'Short records of the parcels in the InBox of a mailbox you name that are in one status',
			calls: { call: 'ParcelInBoxExShort' },
			fields: {
				...OPTIONAL_PARTNERS,
				Status: { description: 'Only parcels in this status' },
			},
		},
		getNotes: {
			name: 'Get Notes',
			action: 'Get the notes of a parcel',
			description: 'The notes ECGrid and users attached to a parcel',
			calls: { call: 'ParcelNoteList' },
		},
		getOutBoxErrors: {
			name: 'Get OutBox Errors',
			action: 'Get parcels that failed in the outbox',
			description: 'The parcels sent between two dates that ECGrid could not process',
			calls: { call: 'ParcelOutBoxError', ex: 'ParcelOutBoxErrorEx' },
		},
		resend: {
			name: 'Resend',
			action: 'Resend a parcel',
			description: 'Route a parcel again from the ECGrid router (needs NetOps rights)',
			calls: { call: 'ParcelResend' },
		},
		resetDownload: {
			name: 'Reset Download',
			action: 'Reset the download of a parcel',
			description: 'Clear the downloaded mark of a parcel so it shows up in the InBox again',
			calls: { call: 'ParcelDownloadReset' },
			destroys: 'The next InBox poll downloads the parcel again',
		},
		searchInBoxArchive: {
			name: 'Search InBox Archive',
			action: 'Search the inbox archive',
			description: 'Parcels received between two dates, optionally from or to one ECGrid ID',
			calls: { call: 'ParcelInBoxArchive', ex: 'ParcelInBoxArchiveEx' },
			fields: { ...ARCHIVE_FIELDS },
		},
		searchInBoxArchiveShort: {
			name: 'Search InBox Archive in Short Form',
			action: 'Search the inbox archive of a given mailbox in short form',
			description: 'Short records of the parcels a mailbox you name received between two dates',
			calls: { call: 'ParcelInBoxArchiveExShort' },
			fields: { ...ARCHIVE_FIELDS },
		},
		searchInBoxArchiveNewestFirst: {
			name: 'Search InBox Archive Newest First',
			action: 'Search the inbox archive of a given mailbox, newest first',
			description: 'Parcels a mailbox you name received between two dates, the most recent first',
			calls: { call: 'ParcelInBoxArchiveDescEx' },
			fields: { ...ARCHIVE_FIELDS },
		},
		searchOutBoxArchive: {
			name: 'Search OutBox Archive',
			action: 'Search the outbox archive',
			description: 'Parcels sent between two dates, optionally from or to one ECGrid ID',
			calls: { call: 'ParcelOutBoxArchive', ex: 'ParcelOutBoxArchiveEx' },
			fields: { ...ARCHIVE_FIELDS },
		},
		searchOutBoxArchiveShort: {
			name: 'Search OutBox Archive in Short Form',
			action: 'Search the outbox archive of a given mailbox in short form',
			description: 'Short records of the parcels a mailbox you name sent between two dates',
			calls: { call: 'ParcelOutBoxArchiveExShort' },
			fields: { ...ARCHIVE_FIELDS },
		},
		searchOutBoxArchiveNewestFirst: {
			name: 'Search OutBox Archive Newest First',
			action: 'Search the outbox archive of a given mailbox, newest first',
			description: 'Parcels a mailbox you name sent between two dates, the most recent first',
			calls: { call: 'ParcelOutBoxArchiveDescEx' },
			fields: { ...ARCHIVE_FIELDS },
		},
		sendTestParcel: {
			name: 'Send Test Parcel',
			action: 'Send a sample parcel between two trading partners',
			description: 'Have ECGrid send a sample document of a given standard between two ECGrid IDs',
			calls: { call: 'ParcelTest' },
			resultName: 'parcelId',
		},
		setLocalStatus: {
			name: 'Set Local Status',
			action: 'Set the local status of a parcel',
			description: 'Store your own status number on a parcel, for your systems to read back',
			calls: { call: 'ParcelUpdateLocalStatus' },
			destroys: 'The local status number the parcel had before is replaced',
			fields: {
				Status: {
					description: 'Your own status number for the parcel; ECGrid does not interpret it',
				},
			},
		},
		setMailbagControlId: {
			name: 'Set Mailbag Control ID',
			action: 'Set the mailbag control ID of a parcel',
			description:
				'Record the mailbag control ID, such as an AS2 message ID, a parcel travels under',
			calls: { call: 'ParcelSetMailbagControlID' },
		},
		setStatus: {
			name: 'Set Status',
			action: 'Set the status of a parcel',
			description: 'Change the ECGrid status of a parcel, or only write it to the transaction log',
			calls: { call: 'ParcelUpdateStatus' },
			destroys:
				'The status the parcel had is replaced; InBox listings and polls that select parcels by status see only the new one',
			fields: {
				Status: { description: 'The new status of the parcel' },
			},
		},
		upload: {
			name: 'Upload',
			action: 'Upload a parcel',
			description:
				'Send an EDI file (X12, EDIFACT, TRADACOMS or VDA) from a mailbox OutBox and get back its parcel ID',
			calls: {
				call: 'ParcelUpload',
				ex: 'ParcelUploadEx',
				base64: 'ParcelUploadA',
				exBase64: 'ParcelUploadExA',
			},
			resultName: 'parcelId',
		},
		uploadManagedFile: {
			name: 'Upload Managed File',
			action: 'Upload a managed file',
			description:
				'Send a file that is not EDI from one ECGrid ID to another and get back its parcel ID',
			calls: { call: 'ParcelUploadMft', base64: 'ParcelUploadMftA' },
			resultName: 'parcelId',
		},
	},
};
