/** One element of a WSDL sequence: an operation parameter, a result, or a complex-type field. */
export interface WsdlField {
	name: string;
	/** XSD built-in local name (`string`, `int`, `dateTime`, …), a tns type name, or `DataSet`. */
	type: string;
	minOccurs: number;
	maxOccurs: number | 'unbounded';
}

export interface WsdlOperation {
	name: string;
	parameters: WsdlField[];
	/** The `{Op}Result` element; every ECGridOS operation returns one. */
	result: WsdlField | undefined;
	/** Root element of the HTTP GET/POST reply (`string`, `SessionInfo`, …); undefined if not offered. */
	httpResultElement: string | undefined;
}
