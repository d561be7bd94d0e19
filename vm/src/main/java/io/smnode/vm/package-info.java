/** Accounts and templates, transaction parsing and execution, rewards and issuance, the mempool. */
package io.smnode.vm;
