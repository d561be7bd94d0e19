/** The tortoise: verifying and full (self-healing) modes, opinion hashes, trace and replay. */
package io.smnode.tortoise;
