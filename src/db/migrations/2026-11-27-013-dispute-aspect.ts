import type { Kysely } from 'kysely';

// A dispute names which number it contests (the actual, the target, an item's score or the
// total) and the value as the person saw it, so the owner reads what was on the screen.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('disputes').addColumn('aspect', 'text').execute();
  await db.schema.alterTable('disputes').addColumn('shown_value', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('disputes').dropColumn('shown_value').execute();
  await db.schema.alterTable('disputes').dropColumn('aspect').execute();
}
