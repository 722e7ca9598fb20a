// A form drawn from a JSON Schema (the provider's settings schema, as zod writes it): text, number,
// yes/no and list fields, nested groups, "key → value" tables for records and rows for arrays.
// Secret fields are password inputs that never show the stored value. When the check found the
// values a setting can take (`choices`), that setting becomes a pick list.
import { enumLabels, settingLabels } from './labels';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  default?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}

export interface Choice {
  id: string;
  label: string;
}

export interface FormContext {
  secretFields: readonly string[];
  /** Secrets the tenant already has (edit): left empty, they keep their value. */
  secretsSet: readonly string[];
  choices: Record<string, Choice[]>;
  /** Field problems from the server, by path (`settings.base_url`). */
  problems: Record<string, string>;
  /** The path prefix of the problems (`settings` or `options`). */
  prefix: string;
}

type Value = unknown;
type Obj = Record<string, unknown>;

function labelOf(name: string) {
  return settingLabels[name]?.label ?? name;
}

/** The schema without `null` in an anyOf, and whether null is allowed. */
function unwrap(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (schema.anyOf) {
    const rest = schema.anyOf.filter((s) => s.type !== 'null');
    const nullable = rest.length < schema.anyOf.length;
    // One type (or null): that type. Several (an id as string or number): typed as text.
    const only = rest.length === 1 ? rest[0] : rest.find((s) => s.type === 'string');
    if (only) return { schema: { ...only, default: schema.default }, nullable };
  }
  return { schema, nullable: false };
}

function isRecord(schema: JsonSchema): boolean {
  return schema.type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object';
}

function defaultText(schema: JsonSchema): string | undefined {
  const d = schema.default;
  if (typeof d === 'boolean') return `padrão: ${d ? 'sim' : 'não'}`;
  if (typeof d === 'string' || typeof d === 'number') return `padrão: ${d}`;
  return undefined;
}

function without(obj: Obj, key: string): Obj {
  const { [key]: _drop, ...rest } = obj;
  return rest;
}

export function SchemaForm(props: {
  schema: JsonSchema;
  value: Obj;
  onChange: (value: Obj) => void;
  context: FormContext;
}) {
  return (
    <ObjectFields
      schema={props.schema}
      value={props.value}
      onChange={props.onChange}
      context={props.context}
      path={props.context.prefix}
      top
    />
  );
}

function ObjectFields(props: {
  schema: JsonSchema;
  value: Obj;
  onChange: (value: Obj) => void;
  context: FormContext;
  path: string;
  top?: boolean;
}) {
  const required = new Set(props.schema.required ?? []);
  const entries = Object.entries(props.schema.properties ?? {});
  // Scalars first (the credentials on top), then groups.
  const scalar = (s: JsonSchema) => {
    const u = unwrap(s).schema;
    return u.type !== 'object' && u.type !== 'array';
  };
  const ordered = [...entries.filter(([, s]) => scalar(s)), ...entries.filter(([, s]) => !scalar(s))];
  return (
    <div class={props.top ? 'form-grid' : 'form-grid nested'}>
      {ordered.map(([name, schema]) => (
        <Field
          key={name}
          name={name}
          schema={schema}
          required={required.has(name)}
          value={props.value[name]}
          onChange={(v) =>
            props.onChange(v === undefined ? without(props.value, name) : { ...props.value, [name]: v })
          }
          context={props.context}
          path={`${props.path}.${name}`}
          secret={props.top === true && props.context.secretFields.includes(name)}
        />
      ))}
    </div>
  );
}

function Field(props: {
  name: string;
  schema: JsonSchema;
  required: boolean;
  value: Value;
  onChange: (value: Value) => void;
  context: FormContext;
  path: string;
  secret: boolean;
}) {
  const { schema, nullable } = unwrap(props.schema);
  const help = settingLabels[props.name]?.help;
  const problem = props.context.problems[props.path];
  const id = `f-${props.path.replace(/\W/g, '-')}`;
  const wide = schema.type === 'object' || schema.type === 'array';
  const title = (
    <label for={id} class="field-label">
      {labelOf(props.name)}
      {props.required && <span class="required"> *</span>}
      <code class="field-name">{props.name}</code>
    </label>
  );
  return (
    <div class={`field${wide ? ' field-wide' : ''}${problem ? ' field-error' : ''}`} data-field={props.path}>
      {schema.type === 'object' && !isRecord(schema) ? (
        <fieldset>
          <legend>
            {labelOf(props.name)} <code class="field-name">{props.name}</code>
          </legend>
          {help && <p class="help">{help}</p>}
          <ObjectFields
            schema={schema}
            value={(props.value as Obj | undefined) ?? {}}
            onChange={(v) => props.onChange(Object.keys(v).length === 0 ? undefined : v)}
            context={props.context}
            path={props.path}
          />
        </fieldset>
      ) : (
        <>
          {title}
          {help && <p class="help">{help}</p>}
          <Input
            id={id}
            name={props.name}
            schema={schema}
            nullable={nullable}
            value={props.value}
            onChange={props.onChange}
            context={props.context}
            path={props.path}
            secret={props.secret}
          />
        </>
      )}
      {problem && <p class="field-problem">{problem}</p>}
    </div>
  );
}

function Input(props: {
  id: string;
  name: string;
  schema: JsonSchema;
  nullable: boolean;
  value: Value;
  onChange: (value: Value) => void;
  context: FormContext;
  path: string;
  secret: boolean;
}) {
  const { schema } = props;
  const choices = props.context.choices[props.name];
  const placeholder = defaultText(schema);

  if (isRecord(schema)) {
    return (
      <RecordEditor
        name={props.name}
        schema={schema}
        value={(props.value as Obj | undefined) ?? {}}
        onChange={(v) => props.onChange(v)}
        context={props.context}
        path={props.path}
      />
    );
  }
  if (schema.type === 'array' && schema.items) {
    return (
      <ArrayEditor
        schema={schema.items}
        value={Array.isArray(props.value) ? (props.value as Value[]) : []}
        onChange={props.onChange}
        context={props.context}
        path={props.path}
      />
    );
  }
  if (schema.type === 'boolean') {
    const checked = props.value === undefined ? schema.default === true : props.value === true;
    return (
      <label class="check">
        <input
          id={props.id}
          type="checkbox"
          checked={checked}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        {checked ? 'sim' : 'não'}
      </label>
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return (
      <input
        id={props.id}
        name={props.name}
        type="number"
        inputMode="numeric"
        min={schema.minimum}
        max={schema.maximum}
        placeholder={placeholder ?? (props.nullable ? 'sem limite' : '')}
        value={typeof props.value === 'number' ? String(props.value) : ''}
        onInput={(e) => {
          const raw = e.currentTarget.value.trim();
          props.onChange(raw === '' ? (props.nullable ? null : undefined) : Number(raw));
        }}
      />
    );
  }
  if (schema.enum) {
    return (
      <select
        id={props.id}
        name={props.name}
        value={(props.value as string | undefined) ?? ''}
        onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
      >
        <option value="">{placeholder ? `(${placeholder})` : '— não definido —'}</option>
        {schema.enum.map((v) => (
          <option key={String(v)} value={String(v)}>
            {enumLabels[String(v)] ? `${enumLabels[String(v)]} (${String(v)})` : String(v)}
          </option>
        ))}
      </select>
    );
  }
  if (props.secret) {
    const set = props.context.secretsSet.includes(props.name);
    return (
      <input
        id={props.id}
        name={props.name}
        type="password"
        autoComplete="new-password"
        placeholder={set ? 'definido — deixe vazio para manter' : ''}
        value={(props.value as string | undefined) ?? ''}
        onInput={(e) => props.onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
      />
    );
  }
  if (choices) {
    return (
      <ChoiceSelect
        id={props.id}
        name={props.name}
        choices={choices}
        value={props.value as string | undefined}
        onChange={props.onChange}
      />
    );
  }
  const onText = (e: { currentTarget: HTMLInputElement }) =>
    props.onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value);
  const value = (props.value as string | undefined) ?? '';
  if (schema.format === 'uri') {
    return (
      <input
        id={props.id}
        name={props.name}
        type="url"
        placeholder="https://"
        value={value}
        onInput={onText}
      />
    );
  }
  return (
    <input
      id={props.id}
      name={props.name}
      type="text"
      placeholder={placeholder ?? ''}
      value={value}
      onInput={onText}
    />
  );
}

function ChoiceSelect(props: {
  id?: string;
  name: string;
  choices: Choice[];
  value: string | undefined;
  onChange: (value: Value) => void;
}) {
  const known = props.value === undefined || props.choices.some((c) => c.id === props.value);
  return (
    <select
      id={props.id}
      name={props.name}
      class="pick"
      value={props.value ?? ''}
      onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
    >
      <option value="">— escolha ({props.choices.length} encontrados no ERP) —</option>
      {!known && <option value={props.value}>{props.value} (não encontrado no ERP)</option>}
      {props.choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.id} — {c.label || 'sem nome'}
        </option>
      ))}
    </select>
  );
}

function RecordEditor(props: {
  name: string;
  schema: JsonSchema;
  value: Obj;
  onChange: (value: Obj) => void;
  context: FormContext;
  path: string;
}) {
  const valueSchema = props.schema.additionalProperties as JsonSchema;
  const rows = Object.entries(props.value);
  const choices = props.context.choices[props.name];
  const set = (index: number, key: string, v: Value) => {
    const next = rows.map(([k, old], i): [string, Value] => (i === index ? [key, v] : [k, old]));
    props.onChange(Object.fromEntries(next));
  };
  return (
    <div class="record">
      {rows.length === 0 && <p class="help">Nenhum item.</p>}
      {rows.map(([key, v], i) => (
        <div class="record-row" key={i}>
          <input
            aria-label={`chave ${i + 1}`}
            class="record-key"
            value={key}
            onInput={(e) => set(i, e.currentTarget.value, v)}
          />
          <span class="arrow">→</span>
          {valueSchema.type === 'object' ? (
            <ObjectFields
              schema={valueSchema}
              value={(v as Obj | undefined) ?? {}}
              onChange={(nv) => set(i, key, nv)}
              context={props.context}
              path={`${props.path}.${key}`}
            />
          ) : choices ? (
            <ChoiceSelect
              name={`${props.name}.${key}`}
              choices={choices}
              value={v as string | undefined}
              onChange={(nv) => set(i, key, nv ?? '')}
            />
          ) : (
            <input
              aria-label={`valor ${i + 1}`}
              value={(v as string | undefined) ?? ''}
              onInput={(e) => set(i, key, e.currentTarget.value)}
            />
          )}
          <button
            type="button"
            class="btn btn-small btn-ghost"
            title="Remover"
            onClick={() => props.onChange(Object.fromEntries(rows.filter((_, j) => j !== i)))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        class="btn btn-small"
        onClick={() =>
          props.onChange({ ...props.value, [nextKey(props.value)]: valueSchema.type === 'object' ? {} : '' })
        }
      >
        + Adicionar
      </button>
    </div>
  );
}

function nextKey(obj: Obj): string {
  let n = Object.keys(obj).length + 1;
  while (Object.hasOwn(obj, String(n))) n++;
  return String(n);
}

function ArrayEditor(props: {
  schema: JsonSchema;
  value: Value[];
  onChange: (value: Value) => void;
  context: FormContext;
  path: string;
}) {
  const set = (index: number, v: Value) =>
    props.onChange(props.value.map((old, i) => (i === index ? v : old)));
  return (
    <div class="record">
      {props.value.length === 0 && <p class="help">Nenhum item.</p>}
      {props.value.map((v, i) => (
        <div class="record-row" key={i}>
          {props.schema.type === 'object' ? (
            <ObjectFields
              schema={props.schema}
              value={(v as Obj | undefined) ?? {}}
              onChange={(nv) => set(i, nv)}
              context={props.context}
              path={`${props.path}.${i}`}
            />
          ) : (
            <input
              value={typeof v === 'string' || typeof v === 'number' ? String(v) : ''}
              onInput={(e) => set(i, e.currentTarget.value)}
            />
          )}
          <button
            type="button"
            class="btn btn-small btn-ghost"
            title="Remover"
            onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        class="btn btn-small"
        onClick={() => props.onChange([...props.value, props.schema.type === 'object' ? {} : ''])}
      >
        + Adicionar
      </button>
    </div>
  );
}
