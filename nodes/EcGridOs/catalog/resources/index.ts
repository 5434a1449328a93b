import type { ResourceEntry } from '../types';
import { apiKeyResource } from './apiKey';
import { callbackResource } from './callback';
import { carbonCopyResource } from './carbonCopy';
import { commResource } from './comm';
import { interchangeResource } from './interchange';
import { keyValueResource } from './keyValue';
import { mailboxResource } from './mailbox';
import { migrationResource } from './migration';
import { networkResource } from './network';
import { parcelResource } from './parcel';
import { partnershipResource } from './partnership';
import { reportResource } from './report';
import { sessionResource } from './session';
import { tradingPartnerResource } from './tradingPartner';
import { userResource } from './user';
import { utilityResource } from './utility';

/** Every resource of the node, in the order the editor lists them. */
export const RESOURCES: readonly ResourceEntry[] = [
	sessionResource,
	userResource,
	apiKeyResource,
	networkResource,
	mailboxResource,
	tradingPartnerResource,
	partnershipResource,
	parcelResource,
	interchangeResource,
	callbackResource,
	commResource,
	carbonCopyResource,
	migrationResource,
	keyValueResource,
	reportResource,
	utilityResource,
];
