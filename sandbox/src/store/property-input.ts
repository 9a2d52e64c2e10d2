import { z } from 'zod';
import { validationError } from '../errors';
import { parseBody } from '../http';
import { propertyDef } from './builtin-properties';
import type { PropertyDef, PropertyOption, PropertyType } from './types';

/** Turning property create/update bodies into definitions, with HubSpot's checks. */

export const PROPERTY_NAME = /^[a-z][a-z0-9_]*$/;

const FIELD_TYPES: Record<PropertyType, readonly string[]> = {
  string: ['text', 'textarea', 'phonenumber', 'html', 'file', 'calculation_equation'],
  number: ['number', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox', 'calculation_equation'],
  bool: ['booleancheckbox', 'calculation_equation'],
};

const optionInput = z.object({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().optional(),
  hidden: z.boolean().optional(),
  description: z.string().optional(),
});

export const propertyCreateInput = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.string().optional(),
  options: z.array(optionInput).optional(),
  displayOrder: z.number().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  calculationFormula: z.string().optional(),
  externalOptions: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
});
export type PropertyCreateInput = z.output<typeof propertyCreateInput>;

export const propertyUpdateInput = z.object({
  label: z.string().optional(),
  type: z.string().optional(),
  fieldType: z.string().optional(),
  groupName: z.string().optional(),
  description: z.string().optional(),
  options: z.array(optionInput).optional(),
  displayOrder: z.number().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  calculationFormula: z.string().optional(),
});
export type PropertyUpdateInput = z.output<typeof propertyUpdateInput>;

function checkType(type: string): PropertyType {
  if (!(type in FIELD_TYPES)) {
    throw validationError(`${type} is not a valid property type. Use one of ${Object.keys(FIELD_TYPES).join(', ')}.`);
  }
  return type as PropertyType;
}

function checkFieldType(type: PropertyType, fieldType: string): void {
  const allowed = FIELD_TYPES[type];
  if (!allowed.includes(fieldType)) {
    throw validationError(`fieldType ${fieldType} is not valid for a property of type ${type}; use one of ${allowed.join(', ')}.`);
  }
}

function toOptions(input: z.output<typeof optionInput>[] | undefined, type: PropertyType): PropertyOption[] {
  if (type === 'bool' && (!input || input.length === 0)) {
    return [
      { label: 'Yes', value: 'true', displayOrder: 0, hidden: false },
      { label: 'No', value: 'false', displayOrder: 1, hidden: false },
    ];
  }
  const options = (input ?? []).map((o, i) => ({
    label: o.label,
    value: o.value,
    displayOrder: o.displayOrder ?? i,
    hidden: o.hidden ?? false,
    ...(o.description !== undefined ? { description: o.description } : {}),
  }));
  const seen = new Set<string>();
  for (const o of options) {
    if (seen.has(o.value)) throw validationError(`Duplicate option value ${o.value}.`);
    seen.add(o.value);
  }
  return options;
}

/** Validate a create body into a definition (group existence is checked by the registry). */
export function propertyFromCreate(body: unknown, now: number): PropertyDef {
  const input = parseBody(propertyCreateInput, body);
  if (!PROPERTY_NAME.test(input.name)) {
    throw validationError(`Property name "${input.name}" is invalid: use lowercase letters, digits and _ , starting with a letter.`);
  }
  const type = checkType(input.type);
  checkFieldType(type, input.fieldType);
  const options = toOptions(input.options, type);
  if (type === 'enumeration' && options.length === 0 && !input.externalOptions) {
    throw validationError(`Enumeration property ${input.name} needs at least one option.`);
  }
  return propertyDef(input.name, input.label, type, input.fieldType, input.groupName, {
    description: input.description ?? '',
    options,
    displayOrder: input.displayOrder ?? -1,
    hasUniqueValue: input.hasUniqueValue ?? false,
    hidden: input.hidden ?? false,
    formField: input.formField ?? false,
    hubspotDefined: false,
    externalOptions: input.externalOptions ?? false,
    ...(input.referencedObjectType !== undefined ? { referencedObjectType: input.referencedObjectType } : {}),
    createdAt: now,
    updatedAt: now,
  });
}

/** Apply an update body to an existing definition. */
export function applyPropertyUpdate(def: PropertyDef, body: unknown, now: number): PropertyDef {
  const input = parseBody(propertyUpdateInput, body);
  if (def.hubspotDefined && (input.type !== undefined || input.fieldType !== undefined)) {
    throw validationError(`The type of HubSpot-defined property ${def.name} cannot be changed.`);
  }
  const type = input.type !== undefined ? checkType(input.type) : def.type;
  const fieldType = input.fieldType ?? def.fieldType;
  checkFieldType(type, fieldType);
  return {
    ...def,
    type,
    fieldType,
    label: input.label ?? def.label,
    groupName: input.groupName ?? def.groupName,
    description: input.description ?? def.description,
    options: input.options !== undefined ? toOptions(input.options, type) : def.options,
    displayOrder: input.displayOrder ?? def.displayOrder,
    hidden: input.hidden ?? def.hidden,
    formField: input.formField ?? def.formField,
    updatedAt: now,
  };
}
