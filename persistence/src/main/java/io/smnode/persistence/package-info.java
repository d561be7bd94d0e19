/** Storage: an LMDB environment with typed tables and atomic batches, and an in-memory twin behind one interface. */
package io.smnode.persistence;
