export const DEFAULT_ENDPOINT = 'https://os.ecgrid.io/v4.1/prod/ECGridOS.asmx';
export const DEFAULT_TIMEOUT_MS = 30_000;

export const API_KEY_CREDENTIAL = 'ecGridOsApi';
export const LOGIN_CREDENTIAL = 'ecGridOsLoginApi';
export type CredentialType = typeof API_KEY_CREDENTIAL | typeof LOGIN_CREDENTIAL;
