/** `npm run audit:verify`: walks the audit log's hash chain; exits 1 and names the first broken entry. */
import { verifyAuditChain } from '../server/platform/audit/audit.ts';
import { openForCli } from './cli.ts';

const { db } = await openForCli();
const result = await verifyAuditChain(db);
await db.destroy();
if (result.ok) {
  process.stdout.write(`Audit chain intact: ${result.checked} entries verified.\n`);
} else {
  process.stdout.write(
    `Audit chain BROKEN at entry ${result.firstBrokenId} (${result.reason}); ${result.checked} entries before it verified.\n`,
  );
  process.exit(1);
}
