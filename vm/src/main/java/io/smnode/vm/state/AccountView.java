package io.smnode.vm.state;

import io.smnode.core.types.Address;

/** Read access to the latest accounts; an address never written reads as {@link Account#empty}. */
@FunctionalInterface
public interface AccountView {
    Account get(Address address);
}
