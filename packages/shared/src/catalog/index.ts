export * from './types.ts'
export { CATALOG, findContainerKind, findKind, findTemplate } from './catalog.ts'
export { COMMON_PROPERTIES } from './common-properties.ts'
export { CONNECTION_PROPERTIES } from './connection-properties.ts'
export { CATALOG_VERSION, COMPONENT_PROPS_MIGRATIONS, migrateComponentProps, type CatalogMigration } from './migrations.ts'
export {
  badgeLine,
  connectionBadgeLine,
  checkComponentProps,
  checkConnectionProperties,
  defaultConnectionProperties,
  defaultProperties,
  findProperty,
  NAME_MAX_LENGTH,
  propertiesOf,
  RATIONALE_MAX_LENGTH,
} from './props.ts'
export { checkPropertyValue, formatPropertyValue, parsePropertyInput } from './values.ts'
export { connectionMeta, templateRecords } from './template-records.ts'
