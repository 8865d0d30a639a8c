import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** Arkivverket's Noark 5 v3.1 schemas, as published (copied from the standard; not edited). */
const SCHEMA_DIR = join(import.meta.dirname, 'fixtures', 'noark5');
const schema = (name: string) => ({ fileName: name, contents: readFileSync(join(SCHEMA_DIR, name), 'utf8') });
const all = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));

/** Validates a document against one of the Noark 5 schemas with libxml2 (xmllint compiled to WebAssembly). */
export async function validateNoark5(xml: string, main: 'arkivstruktur.xsd' | 'endringslogg.xsd' | 'addml.xsd', fileName = 'document.xml') {
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [schema(main)],
    // addml.xsd stands alone; the others import the metadata catalogue.
    preload: main === 'addml.xsd' ? [] : all.filter((f) => f !== main && f !== 'addml.xsd').map(schema),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
