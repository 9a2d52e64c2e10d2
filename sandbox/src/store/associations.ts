import { notFound, validationError } from '../errors';
import { INVOICES, PROJECTS, TICKETS } from './delivery-objects';
import { COMPANIES, CONTACTS, DEALS, NOTES, TASKS } from './object-types';
import type { AssociationCategory, AssociationType } from './types';

/**
 * Association definitions (type ids, each with its inverse) and the associations between records.
 * Storing A→B with type T also stores B→A with T's inverse, like HubSpot. Every labelled
 * association also carries the pair's unlabelled default type, as HubSpot's v4 API shows.
 */

const SEEDED_AT = Date.UTC(2020, 0, 1);

interface DefaultPair {
  from: string;
  to: string;
  forward: number;
  inverse: number;
  forwardName: string;
  inverseName: string;
  label: string | null;
}

const pair = (
  from: string,
  to: string,
  forward: number,
  inverse: number,
  forwardName: string,
  inverseName: string,
  label: string | null = null,
): DefaultPair => ({
  from,
  to,
  forward,
  inverse,
  forwardName,
  inverseName,
  label,
});

/** HubSpot's default association types between the standard objects served (client's AssociationTypes). */
const DEFAULT_PAIRS: readonly DefaultPair[] = [
  pair(CONTACTS, COMPANIES, 279, 280, 'contact_to_company_unlabeled', 'company_to_contact_unlabeled'),
  pair(CONTACTS, COMPANIES, 1, 2, 'contact_to_company', 'company_to_contact', 'Primary'),
  pair(DEALS, CONTACTS, 3, 4, 'deal_to_contact', 'contact_to_deal'),
  pair(DEALS, COMPANIES, 341, 342, 'deal_to_company_unlabeled', 'company_to_deal_unlabeled'),
  pair(DEALS, COMPANIES, 5, 6, 'deal_to_company', 'company_to_deal', 'Primary'),
  pair(COMPANIES, TASKS, 191, 192, 'company_to_task', 'task_to_company'),
  pair(CONTACTS, TASKS, 203, 204, 'contact_to_task', 'task_to_contact'),
  pair(DEALS, TASKS, 215, 216, 'deal_to_task', 'task_to_deal'),
  pair(COMPANIES, NOTES, 189, 190, 'company_to_note', 'note_to_company'),
  pair(CONTACTS, NOTES, 201, 202, 'contact_to_note', 'note_to_contact'),
  pair(DEALS, NOTES, 213, 214, 'deal_to_note', 'note_to_deal'),
  pair(DEALS, TICKETS, 27, 28, 'deal_to_ticket', 'ticket_to_deal'),
  pair(COMPANIES, TICKETS, 340, 339, 'company_to_ticket_unlabeled', 'ticket_to_company_unlabeled'),
  pair(COMPANIES, TICKETS, 25, 26, 'company_to_ticket', 'ticket_to_company', 'Primary'),
  pair(TICKETS, TASKS, 229, 230, 'ticket_to_task', 'task_to_ticket'),
  pair(DEALS, INVOICES, 176, 175, 'deal_to_invoice', 'invoice_to_deal'),
  pair(COMPANIES, INVOICES, 180, 179, 'company_to_invoice', 'invoice_to_company'),
  // Unsure: HubSpot's ids for the Projects object's default types (the service reads them, never writes them).
  pair(PROJECTS, DEALS, 9001, 9002, 'project_to_deal', 'deal_to_project'),
  pair(PROJECTS, COMPANIES, 9003, 9004, 'project_to_company', 'company_to_project'),
];

const FIRST_GENERATED_TYPE_ID = 1001;

const objectKey = (objectTypeId: string, id: string): string => `${objectTypeId}:${id}`;

export interface AssociatedRecord {
  toObjectTypeId: string;
  toObjectId: string;
  typeIds: number[];
}

export interface AssociationSettings {
  /** Associated records per row of a v4 batch read page. */
  pageSize: number;
  /** Category of the unlabelled types defined for custom objects. */
  customObjectCategory: AssociationCategory;
}

export class AssociationStore {
  private types = new Map<number, AssociationType>();
  private nextTypeId = FIRST_GENERATED_TYPE_ID;
  private links = new Map<string, Map<string, Set<number>>>();
  readonly settings: AssociationSettings;

  constructor(settings: Partial<AssociationSettings> = {}) {
    this.settings = { pageSize: 500, customObjectCategory: 'USER_DEFINED', ...settings };
    this.reset();
  }

  reset(): void {
    this.types.clear();
    this.links.clear();
    this.nextTypeId = FIRST_GENERATED_TYPE_ID;
    for (const p of DEFAULT_PAIRS) {
      this.addType(p.forward, 'HUBSPOT_DEFINED', p.from, p.to, p.label, p.forwardName, p.inverse, SEEDED_AT);
      this.addType(p.inverse, 'HUBSPOT_DEFINED', p.to, p.from, p.label, p.inverseName, p.forward, SEEDED_AT);
    }
  }

  private addType(
    typeId: number,
    category: AssociationCategory,
    from: string,
    to: string,
    label: string | null,
    name: string,
    inverseTypeId: number,
    now: number,
  ): AssociationType {
    const type: AssociationType = { typeId, category, fromObjectTypeId: from, toObjectTypeId: to, label, name, inverseTypeId, createdAt: now, updatedAt: now };
    this.types.set(typeId, type);
    return type;
  }

  /** Define a new pair of type ids (schema associations and labels). Returns [forward, inverse]. */
  definePair(input: {
    from: string;
    to: string;
    category: AssociationCategory;
    label: string | null;
    inverseLabel?: string | null;
    name: string;
    inverseName: string;
    now: number;
  }): [AssociationType, AssociationType] {
    const forwardId = this.nextTypeId++;
    const inverseId = this.nextTypeId++;
    const forward = this.addType(forwardId, input.category, input.from, input.to, input.label, input.name, inverseId, input.now);
    const inverse = this.addType(inverseId, input.category, input.to, input.from, input.inverseLabel ?? input.label, input.inverseName, forwardId, input.now);
    return [forward, inverse];
  }

  type(typeId: number): AssociationType | undefined {
    return this.types.get(typeId);
  }

  typesBetween(from: string, to: string): AssociationType[] {
    return [...this.types.values()]
      .filter((t) => t.fromObjectTypeId === from && t.toObjectTypeId === to)
      .sort((a, b) => (a.label === null ? -1 : 0) - (b.label === null ? -1 : 0) || a.typeId - b.typeId);
  }

  /** The unlabelled type between two object types (USER_DEFINED for custom objects, see settings). */
  defaultType(from: string, to: string): AssociationType | undefined {
    return this.typesBetween(from, to).find((t) => t.label === null);
  }

  relabel(typeId: number, label: string, inverseLabel: string | undefined, now: number): void {
    const type = this.types.get(typeId);
    if (!type) throw notFound(`Association type ${typeId} does not exist.`);
    if (type.category !== 'USER_DEFINED') throw validationError(`Association type ${typeId} is ${type.category}; only USER_DEFINED labels can be renamed.`);
    this.types.set(typeId, { ...type, label, updatedAt: now });
    const inverse = this.types.get(type.inverseTypeId);
    if (inverse && inverseLabel !== undefined) this.types.set(inverse.typeId, { ...inverse, label: inverseLabel, updatedAt: now });
  }

  /** Remove a type and its inverse, and strip them from existing associations. */
  removeType(typeId: number): void {
    const type = this.types.get(typeId);
    if (!type) return;
    const ids = new Set([typeId, type.inverseTypeId]);
    for (const id of ids) this.types.delete(id);
    for (const [fromKey, targets] of this.links) {
      for (const [toKey, set] of targets) {
        for (const id of ids) set.delete(id);
        if (set.size === 0) targets.delete(toKey);
      }
      if (targets.size === 0) this.links.delete(fromKey);
    }
  }

  /** Remove every type involving an object type (schema deleted). */
  removeTypesOf(objectTypeId: string): void {
    for (const t of [...this.types.values()]) {
      if (t.fromObjectTypeId === objectTypeId || t.toObjectTypeId === objectTypeId) this.removeType(t.typeId);
    }
  }

  private linkOne(fromKey: string, toKey: string, typeId: number): void {
    let targets = this.links.get(fromKey);
    if (!targets) {
      targets = new Map();
      this.links.set(fromKey, targets);
    }
    let set = targets.get(toKey);
    if (!set) {
      set = new Set();
      targets.set(toKey, set);
    }
    set.add(typeId);
  }

  /** Associate with the given types (already validated to run from → to). */
  associate(from: string, fromId: string, to: string, toId: string, typeIds: readonly number[]): void {
    const withDefault = new Set(typeIds);
    const fallback = this.defaultType(from, to);
    if (fallback) withDefault.add(fallback.typeId);
    for (const typeId of withDefault) {
      const type = this.types.get(typeId);
      if (!type) continue;
      this.linkOne(objectKey(from, fromId), objectKey(to, toId), typeId);
      this.linkOne(objectKey(to, toId), objectKey(from, fromId), type.inverseTypeId);
    }
  }

  /** Remove some (or, without typeIds, all) associations between two records, both directions. */
  disassociate(from: string, fromId: string, to: string, toId: string, typeIds?: readonly number[]): void {
    const forward = this.links.get(objectKey(from, fromId))?.get(objectKey(to, toId));
    const backward = this.links.get(objectKey(to, toId))?.get(objectKey(from, fromId));
    const remove = typeIds ? [...typeIds] : [...(forward ?? [])];
    for (const typeId of remove) {
      forward?.delete(typeId);
      const inverse = this.types.get(typeId)?.inverseTypeId;
      if (inverse !== undefined) backward?.delete(inverse);
    }
    // A pair left with only its unlabelled default type keeps it; a pair with nothing is dropped.
    this.prune(objectKey(from, fromId), objectKey(to, toId));
    this.prune(objectKey(to, toId), objectKey(from, fromId));
  }

  private prune(fromKey: string, toKey: string): void {
    const targets = this.links.get(fromKey);
    if (targets?.get(toKey)?.size === 0) targets.delete(toKey);
    if (targets?.size === 0) this.links.delete(fromKey);
  }

  /** Records of type `to` associated with a record, oldest association first. */
  associated(from: string, fromId: string, to: string): AssociatedRecord[] {
    const targets = this.links.get(objectKey(from, fromId));
    if (!targets) return [];
    const prefix = `${to}:`;
    return [...targets]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, set]) => ({ toObjectTypeId: to, toObjectId: key.slice(prefix.length), typeIds: [...set].sort((a, b) => a - b) }));
  }

  /** Drop every association of a deleted record. */
  removeObject(objectTypeId: string, id: string): void {
    const key = objectKey(objectTypeId, id);
    const targets = this.links.get(key);
    if (!targets) return;
    for (const toKey of targets.keys()) {
      const back = this.links.get(toKey);
      back?.delete(key);
      if (back?.size === 0) this.links.delete(toKey);
    }
    this.links.delete(key);
  }
}
