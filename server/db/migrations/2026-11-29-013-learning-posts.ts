import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.ts';

/**
 * The online party branch (网上党支部): posts a branch writes to its members, or that the city or a
 * county addresses to every branch in its subtree; their photos and attachments; and read receipts
 * (已读), one per member and post.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('learning_posts'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('branch_id', 'integer', (c) => c.references('branches.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('learning_posts_org')
    .on('learning_posts')
    .columns(['org_id', 'published_at'])
    .execute();
  await db.schema.createIndex('learning_posts_branch').on('learning_posts').column('branch_id').execute();

  await withIdColumn(db, db.schema.createTable('learning_post_files'))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('learning_posts.id').onDelete('cascade'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('learning_post_files_post')
    .on('learning_post_files')
    .column('post_id')
    .execute();

  await withIdColumn(db, db.schema.createTable('learning_post_reads'))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('learning_posts.id').onDelete('cascade'))
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('learning_post_reads_once', ['post_id', 'cadre_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['learning_post_reads', 'learning_post_files', 'learning_posts']) {
    await db.schema.dropTable(t).execute();
  }
}
