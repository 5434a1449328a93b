/**
 * A WSDL 1.1 document generated from the metadata (served at `…/ECGridOS.asmx?WSDL`): the schema
 * (operation wrappers, complex and enum types, the HTTP result roots), messages, the three
 * portTypes, the four bindings and the service, in the shape ASMX writes, so SoapUI or Postman can
 * import it.
 */
import { COMPLEX_TYPES, ECGRID_NS, ENUM_TYPES, OPERATIONS } from '../metadata';
import type { WsdlField, WsdlOperation } from '../metadata';
import { XML_DECLARATION, escapeXml } from './xml';

const NS = {
	wsdl: 'http://schemas.xmlsoap.org/wsdl/',
	soap: 'http://schemas.xmlsoap.org/wsdl/soap/',
	soap12: 'http://schemas.xmlsoap.org/wsdl/soap12/',
	http: 'http://schemas.xmlsoap.org/wsdl/http/',
	mime: 'http://schemas.xmlsoap.org/wsdl/mime/',
	s: 'http://www.w3.org/2001/XMLSchema',
};
const SOAP_HTTP = 'http://schemas.xmlsoap.org/soap/http';
const SERVICE = 'ECGridOS_x0020_API_x0020_v4';

function typeRef(type: string): string {
	return Object.hasOwn(COMPLEX_TYPES, type) || Object.hasOwn(ENUM_TYPES, type)
		? `tns:${type}`
		: `s:${type}`;
}

const DATASET_CONTENT =
	'<s:complexType><s:sequence><s:element ref="s:schema" /><s:any /></s:sequence></s:complexType>';

function fieldXml(field: WsdlField): string {
	const occurs = `minOccurs="${field.minOccurs}" maxOccurs="${field.maxOccurs}"`;
	if (field.type === 'DataSet')
		return `<s:element ${occurs} name="${field.name}">${DATASET_CONTENT}</s:element>`;
	return `<s:element ${occurs} name="${field.name}" type="${typeRef(field.type)}" />`;
}

function sequence(fields: readonly WsdlField[]): string {
	return fields.length === 0
		? '<s:complexType />'
		: `<s:complexType><s:sequence>${fields.map(fieldXml).join('')}</s:sequence></s:complexType>`;
}

function schema(operations: readonly WsdlOperation[]): string {
	const parts: string[] = [];
	for (const op of operations) {
		parts.push(`<s:element name="${op.name}">${sequence(op.parameters)}</s:element>`);
		parts.push(
			`<s:element name="${op.name}Response">${sequence(op.result ? [op.result] : [])}</s:element>`,
		);
	}
	for (const [name, fields] of Object.entries(COMPLEX_TYPES)) {
		const body =
			fields.length === 0 ? '' : `<s:sequence>${fields.map(fieldXml).join('')}</s:sequence>`;
		parts.push(`<s:complexType name="${name}">${body}</s:complexType>`);
	}
	for (const [name, values] of Object.entries(ENUM_TYPES)) {
		const enumeration = values.map((v) => `<s:enumeration value="${escapeXml(v)}" />`).join('');
		parts.push(
			`<s:simpleType name="${name}"><s:restriction base="s:string">${enumeration}</s:restriction></s:simpleType>`,
		);
	}
	const roots = new Map<string, string>();
	for (const op of operations) {
		if (op.httpResultElement && op.result) roots.set(op.httpResultElement, op.result.type);
	}
	for (const [element, type] of roots) {
		parts.push(
			type === 'DataSet'
				? `<s:element name="${element}" nillable="true">${DATASET_CONTENT}</s:element>`
				: `<s:element name="${element}" nillable="true" type="${typeRef(type)}" />`,
		);
	}
	return (
		`<wsdl:types><s:schema elementFormDefault="qualified" targetNamespace="${ECGRID_NS}">` +
		`<s:import namespace="${NS.s}" />${parts.join('')}</s:schema></wsdl:types>`
	);
}

function messages(op: WsdlOperation): string {
	const httpIn = op.parameters
		.map((p) => `<wsdl:part name="${p.name}" type="s:string" />`)
		.join('');
	const httpOut = `<wsdl:part name="Body" element="tns:${op.httpResultElement ?? 'string'}" />`;
	return (
		`<wsdl:message name="${op.name}SoapIn"><wsdl:part name="parameters" element="tns:${op.name}" /></wsdl:message>` +
		`<wsdl:message name="${op.name}SoapOut"><wsdl:part name="parameters" element="tns:${op.name}Response" /></wsdl:message>` +
		`<wsdl:message name="${op.name}HttpGetIn">${httpIn}</wsdl:message>` +
		`<wsdl:message name="${op.name}HttpGetOut">${httpOut}</wsdl:message>` +
		`<wsdl:message name="${op.name}HttpPostIn">${httpIn}</wsdl:message>` +
		`<wsdl:message name="${op.name}HttpPostOut">${httpOut}</wsdl:message>`
	);
}

function portType(name: string, suffix: string, operations: readonly WsdlOperation[]): string {
	const ops = operations
		.map(
			(op) =>
				`<wsdl:operation name="${op.name}"><wsdl:input message="tns:${op.name}${suffix}In" />` +
				`<wsdl:output message="tns:${op.name}${suffix}Out" /></wsdl:operation>`,
		)
		.join('');
	return `<wsdl:portType name="${name}">${ops}</wsdl:portType>`;
}

function soapBinding(
	prefix: 'soap' | 'soap12',
	name: string,
	operations: readonly WsdlOperation[],
): string {
	const ops = operations
		.map(
			(op) =>
				`<wsdl:operation name="${op.name}">` +
				`<${prefix}:operation soapAction="${ECGRID_NS}${op.name}" style="document" />` +
				`<wsdl:input><${prefix}:body use="literal" /></wsdl:input>` +
				`<wsdl:output><${prefix}:body use="literal" /></wsdl:output></wsdl:operation>`,
		)
		.join('');
	return (
		`<wsdl:binding name="${name}" type="tns:${SERVICE}Soap">` +
		`<${prefix}:binding transport="${SOAP_HTTP}" />${ops}</wsdl:binding>`
	);
}

function httpBinding(verb: 'GET' | 'POST', operations: readonly WsdlOperation[]): string {
	const suffix = verb === 'GET' ? 'HttpGet' : 'HttpPost';
	const input =
		verb === 'GET'
			? '<http:urlEncoded />'
			: '<mime:content type="application/x-www-form-urlencoded" />';
	const ops = operations
		.map(
			(op) =>
				`<wsdl:operation name="${op.name}"><http:operation location="/${op.name}" />` +
				`<wsdl:input>${input}</wsdl:input><wsdl:output><mime:mimeXml part="Body" /></wsdl:output></wsdl:operation>`,
		)
		.join('');
	return (
		`<wsdl:binding name="${SERVICE}${suffix}" type="tns:${SERVICE}${suffix}">` +
		`<http:binding verb="${verb}" />${ops}</wsdl:binding>`
	);
}

/** The whole document; `location` is the endpoint URL the service ports point at. */
export function wsdlDocument(location: string): string {
	const operations = Object.values(OPERATIONS);
	const at = escapeXml(location);
	const namespaces = Object.entries(NS)
		.map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
		.join(' ');
	return (
		XML_DECLARATION +
		`<wsdl:definitions ${namespaces} xmlns:tns="${ECGRID_NS}" targetNamespace="${ECGRID_NS}">` +
		'<wsdl:documentation>ECGridOS simulator: generated from the WSDL metadata of the n8n-nodes-ecgridos package.</wsdl:documentation>' +
		schema(operations) +
		operations.map(messages).join('') +
		portType(`${SERVICE}Soap`, 'Soap', operations) +
		portType(`${SERVICE}HttpGet`, 'HttpGet', operations) +
		portType(`${SERVICE}HttpPost`, 'HttpPost', operations) +
		soapBinding('soap', `${SERVICE}Soap`, operations) +
		soapBinding('soap12', `${SERVICE}Soap12`, operations) +
		httpBinding('GET', operations) +
		httpBinding('POST', operations) +
		`<wsdl:service name="${SERVICE}">` +
		`<wsdl:port name="${SERVICE}Soap" binding="tns:${SERVICE}Soap"><soap:address location="${at}" /></wsdl:port>` +
		`<wsdl:port name="${SERVICE}Soap12" binding="tns:${SERVICE}Soap12"><soap12:address location="${at}" /></wsdl:port>` +
		`<wsdl:port name="${SERVICE}HttpGet" binding="tns:${SERVICE}HttpGet"><http:address location="${at}" /></wsdl:port>` +
		`<wsdl:port name="${SERVICE}HttpPost" binding="tns:${SERVICE}HttpPost"><http:address location="${at}" /></wsdl:port>` +
		'</wsdl:service></wsdl:definitions>'
	);
}
