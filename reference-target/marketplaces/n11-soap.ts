/** SOAP 1.1 envelopes as the N11 simulator reads and writes them (fast-xml-parser). */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { reply, type Reply } from '../http/types.ts';
import { isRecord } from './sim-input.ts';

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const N11_SCHEMA_NS = 'http://www.n11.com/ws/schemas';

/** Elements that are lists even when they hold one child. */
const LIST_ELEMENTS = new Set(['stockItem', 'order', 'item', 'category', 'subCategory', 'image']);

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => LIST_ELEMENTS.has(name),
});
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });

export interface SoapCall {
  operation: string;
  request: Record<string, unknown>;
}

/** Parses a SOAP request: `{operation: 'SaveProduct', request: <SaveProductRequest children>}` or a reason it is not one. */
export function parseSoapRequest(xml: string): SoapCall | { fault: string } {
  if (xml.trim() === '') return { fault: 'expected a SOAP 1.1 envelope; found an empty body' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return { fault: `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
  const doc: unknown = parser.parse(xml);
  const envelope = isRecord(doc) ? doc.Envelope : undefined;
  const body = isRecord(envelope) ? envelope.Body : undefined;
  if (!isRecord(body))
    return { fault: 'expected <Envelope><Body>…</Body></Envelope> in the SOAP namespace; found no Body' };
  const [name, content] = Object.entries(body)[0] ?? [];
  if (name === undefined || !name.endsWith('Request'))
    return { fault: `expected one <…Request> element in the SOAP Body; found ${name ?? 'none'}` };
  return { operation: name.slice(0, -'Request'.length), request: isRecord(content) ? content : {} };
}

/** Parses any XML document into plain objects (for the request journal). */
export function parseXmlLoose(xml: string): unknown {
  return XMLValidator.validate(xml) === true ? parser.parse(xml) : { _malformedXml: xml.slice(0, 200) };
}

function envelope(body: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({
    'SOAP-ENV:Envelope': { '@_xmlns:SOAP-ENV': SOAP_ENV_NS, 'SOAP-ENV:Header': '', 'SOAP-ENV:Body': body },
  })}`;
}

const XML_HEADERS = { 'content-type': 'text/xml; charset=utf-8' };

export function soapResponse(operation: string, content: Record<string, unknown>): Reply {
  return reply(
    200,
    envelope({ [`ns3:${operation}Response`]: { '@_xmlns:ns3': N11_SCHEMA_NS, ...content } }),
    XML_HEADERS,
  );
}

export function soapSuccess(operation: string, content: Record<string, unknown> = {}): Reply {
  return soapResponse(operation, { result: { status: 'success' }, ...content });
}

/** N11 reports business errors as HTTP 200 with `result.status = failure`. */
export function soapFailure(operation: string, errorCode: string, errorMessage: string): Reply {
  return soapResponse(operation, {
    result: { status: 'failure', errorCode, errorMessage, errorCategory: 'SELLER_API' },
  });
}

/** Transport-level problems (malformed XML, unknown operation) are SOAP Faults with HTTP 500. */
export function soapFault(faultcode: 'SOAP-ENV:Client' | 'SOAP-ENV:Server', faultstring: string): Reply {
  return reply(500, envelope({ 'SOAP-ENV:Fault': { faultcode, faultstring } }), XML_HEADERS);
}

/** Text of a nested element, e.g. `text(req, 'auth', 'appKey')`; '' when absent. */
export function text(node: unknown, ...path: string[]): string {
  let cur: unknown = node;
  for (const p of path) cur = isRecord(cur) ? cur[p] : undefined;
  return typeof cur === 'string' ? cur : '';
}

/** A list element (`<stockItems><stockItem/>…</stockItems>` → the stockItem objects). */
export function list(node: unknown, container: string, element: string): Record<string, unknown>[] {
  const c = isRecord(node) ? node[container] : undefined;
  const items = isRecord(c) ? c[element] : undefined;
  return Array.isArray(items) ? items.filter(isRecord) : [];
}
