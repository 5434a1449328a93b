export const DEFAULT_ENDPOINT = 'https://os.ecgrid.io/v4.1/prod/ECGridOS.asmx';
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Replies above this are refused while reading: EDI parcels of tens of MB travel base64 in XML. */
export const DEFAULT_MAX_REPLY_MB = 100;
export const DEFAULT_MAX_REPLY_BYTES = DEFAULT_MAX_REPLY_MB * 1024 * 1024;

export const API_KEY_CREDENTIAL = 'ecGridOsApi';
export const LOGIN_CREDENTIAL = 'ecGridOsLoginApi';
export type CredentialType = typeof API_KEY_CREDENTIAL | typeof LOGIN_CREDENTIAL;
