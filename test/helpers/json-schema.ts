// A small JSON Schema checker for the keywords our report schema uses (type, const, enum,
// properties, required, additionalProperties, items, pattern, minimum, $ref to #/$defs).
// Enough to hold real output to the shipped schema without a validator dependency.
type Schema = Record<string, any>;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

export function validateSchema(root: Schema, value: unknown, schema: Schema = root, at = '$'): string[] {
  if (schema.$ref) return validateSchema(root, value, root.$defs[String(schema.$ref).replace('#/$defs/', '')], at);
  const errors: string[] = [];
  const t = typeOf(value);
  if (schema.type && !(schema.type === t || (schema.type === 'number' && t === 'integer'))) return [`${at}: expected ${schema.type}, got ${t}`];
  if ('const' in schema && value !== schema.const) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in ${schema.enum.join('|')}`);
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
  if (t === 'array' && schema.items) (value as unknown[]).forEach((v, i) => errors.push(...validateSchema(root, v, schema.items, `${at}[${i}]`)));
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const k of schema.required ?? []) if (!(k in obj)) errors.push(`${at}: missing ${k}`);
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined) continue;
      if (schema.properties?.[k]) errors.push(...validateSchema(root, v, schema.properties[k], `${at}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property ${k}`);
      else if (typeof schema.additionalProperties === 'object') errors.push(...validateSchema(root, v, schema.additionalProperties, `${at}.${k}`));
    }
  }
  return errors;
}
