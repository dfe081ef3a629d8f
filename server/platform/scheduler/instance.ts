import { randomUUID } from 'node:crypto';

/**
 * This process's name among the app instances: the scheduler leases jobs under it and heartbeats it,
 * and imports and exports record it, so that work left by an instance that died can be told from
 * work still going on elsewhere. A worker thread loads its own copy of this module: only the main
 * thread's id is ever written.
 */
export const INSTANCE_ID = randomUUID();
