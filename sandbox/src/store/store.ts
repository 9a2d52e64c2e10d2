import { AssociationStore, type AssociationSettings } from './associations';
import { ObjectService } from './objects';
import { INVOICE_TYPE, PIPELINE_PROPERTIES, PROJECT_TYPE, TICKET_TYPE } from './delivery-objects';
import { ObjectTypeRegistry } from './object-types';
import { OwnerStore } from './owners';
import { PipelineStore } from './pipelines';
import { PropertyRegistry } from './properties';
import { RecordStore } from './records';
import { SchemaRegistry } from './schemas';
import type { PropertyOption } from './types';

/** All in-memory state of one sandbox portal, wired together. */
export class SandboxStore {
  readonly types: ObjectTypeRegistry;
  readonly pipelines = new PipelineStore();
  readonly owners = new OwnerStore();
  readonly records = new RecordStore();
  readonly associations: AssociationStore;
  readonly properties: PropertyRegistry;
  readonly schemas: SchemaRegistry;
  readonly objects: ObjectService;

  constructor(
    readonly portalId: number,
    associationSettings?: Partial<AssociationSettings>,
    /** The Projects object (0-970) is opt-in: without it, its paths answer 403. */
    objects: { projects?: boolean } = {},
  ) {
    this.types = objects.projects
      ? new ObjectTypeRegistry([TICKET_TYPE, INVOICE_TYPE, PROJECT_TYPE])
      : new ObjectTypeRegistry([TICKET_TYPE, INVOICE_TYPE], [PROJECT_TYPE]);
    this.associations = new AssociationStore(associationSettings);
    this.properties = new PropertyRegistry((objectTypeId, name) => this.dynamicOptions(objectTypeId, name));
    this.schemas = new SchemaRegistry({ portalId, types: this.types, properties: this.properties, associations: this.associations, records: this.records });
    this.objects = new ObjectService({
      types: this.types,
      properties: this.properties,
      records: this.records,
      associations: this.associations,
      pipelines: this.pipelines,
    });
  }

  /** Options that come from pipelines and owners rather than the property definition. */
  private dynamicOptions(objectTypeId: string, name: string): PropertyOption[] | undefined {
    if (name === 'hubspot_owner_id') {
      return this.owners.list().map((o, i) => ({ value: o.id, label: `${o.firstName} ${o.lastName}`.trim() || o.email, displayOrder: i, hidden: false }));
    }
    const props = PIPELINE_PROPERTIES[objectTypeId];
    if (!props) return undefined;
    const pipelines = this.pipelines.list(objectTypeId);
    if (name === props.pipeline) return pipelines.map((p) => ({ value: p.id, label: p.label, displayOrder: p.displayOrder, hidden: false }));
    if (name === props.stage) {
      return pipelines.flatMap((p) =>
        p.stages
          .filter((s) => !s.archived)
          .map((s) => ({ value: s.id, label: s.label, displayOrder: s.displayOrder, hidden: false, description: `${p.label}` })),
      );
    }
    return undefined;
  }

  reset(): void {
    this.schemas.reset();
    this.types.reset();
    this.pipelines.reset();
    this.owners.reset();
    this.records.reset();
    this.associations.reset();
    this.properties.reset();
  }
}
