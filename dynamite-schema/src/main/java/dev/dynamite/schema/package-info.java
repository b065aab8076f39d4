/**
 * Entity metadata, the table schema Dynamite infers from it, and table sync.
 *
 * <p>{@link dev.dynamite.schema.EntityMetadata#of(Class)} reads a model class once; {@link dev.dynamite.schema.Schema}
 * turns a set of models into table definitions (keys and global secondary indexes); {@link
 * dev.dynamite.schema.SchemaSync} compares them with DynamoDB and creates what is missing.
 */
@NullMarked
package dev.dynamite.schema;

import org.jspecify.annotations.NullMarked;
