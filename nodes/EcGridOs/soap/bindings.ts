/** The four ways ECGridOS offers every operation (see the WSDL's four bindings). */
export type Binding = 'soap11' | 'soap12' | 'httpPost' | 'httpGet';

export const BINDINGS: readonly Binding[] = ['soap11', 'soap12', 'httpPost', 'httpGet'];

export function isSoapBinding(binding: Binding): binding is 'soap11' | 'soap12' {
	return binding === 'soap11' || binding === 'soap12';
}

export function isBinding(value: unknown): value is Binding {
	return typeof value === 'string' && (BINDINGS as readonly string[]).includes(value);
}
