/** Transactions: the raw layout, parsing against the accounts (header, gas, args), building and signing. */
package io.smnode.vm.tx;
