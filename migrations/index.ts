import { InitialSchema1763750000000 } from './1763750000000-initial-schema';

/** Every migration, in order. Listed explicitly so that ts and compiled js load the same set. */
export const migrations = [InitialSchema1763750000000];
