import { EcGridError } from '../errors';
import type { OperationContext, OperationHandler } from '../types';
import type { SimNetwork } from '../world/records';
import { canSeeNetwork } from '../world/world';
import { networkRecord, userRecord } from './records';
import { matches, me, num, requireLevel, scopedNetwork, text } from './scope';

function changeNetwork(context: OperationContext, change: (network: SimNetwork) => void): boolean {
	requireLevel(context, 'NetworkAdmin', 'NetworkID');
	const network = scopedNetwork(context, context.params.NetworkID);
	change(network);
	network.modified = context.world.date();
	return true;
}

export const NETWORK_HANDLERS: Record<string, OperationHandler> = {
	NetworkInfo: (context) =>
		networkRecord(context, scopedNetwork(context, context.params.NetworkID)),
	NetworkInfoWithLog: (context) =>
		networkRecord(context, scopedNetwork(context, context.params.NetworkID)),
	NetworkList: (context) => {
		const user = me(context);
		return [...context.world.networks.values()]
			.filter((network) => canSeeNetwork(user, network.networkId))
			.filter((network) => matches(context.params.Name, network.name))
			.map((network) => networkRecord(context, network));
	},
	NetworkOutageList: (context) => (me(context), []),
	NetworkUpdate: (context) =>
		changeNetwork(context, (network) => {
			if (text(context.params.Name).trim() === '') {
				throw new EcGridError('InvalidDataLength', 'Name', 'Name is empty.');
			}
			network.name = text(context.params.Name);
			network.location = text(context.params.Location);
		}),
	NetworkSetContact: (context) =>
		changeNetwork(context, (network) => {
			const user = context.targetUser(num(context.params.UserID));
			network.contacts[text(context.params.ContactType)] = user.userId;
		}),
	NetworkGetContact: (context) => {
		const network = scopedNetwork(context, context.params.NetworkID);
		const type = text(context.params.ContactType);
		const id = network.contacts[type] ?? network.contacts.Owner;
		const user = id === undefined ? undefined : context.world.users.get(id);
		if (!user) throw new EcGridError('NotFound', 'ContactType', `No ${type} contact.`);
		return userRecord(context, user);
	},
	NetworkSetWebsite: (context) =>
		changeNetwork(context, (network) => {
			network.websites[text(context.params.WebsiteType)] = text(context.params.URL);
		}),
	NetworkX12Delimiters: (context) => changeNetwork(context, () => undefined),
	NetworkRootDeleteOnDownload: (context) => changeNetwork(context, () => undefined),
};
