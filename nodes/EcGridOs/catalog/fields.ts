/** What each WSDL parameter means, in our words (placeholder until the curated table lands). */
export const FIELD_TEXTS: Readonly<Record<string, { displayName?: string; description: string }>> =
	{};
