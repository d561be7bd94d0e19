/** PoST: scrypt-jane labels, initialization, data files, proving, verification, k2pow. */
package io.smnode.post;
