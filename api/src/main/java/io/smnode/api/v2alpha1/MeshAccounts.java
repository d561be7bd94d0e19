package io.smnode.api.v2alpha1;

import io.smnode.core.types.Address;
import io.smnode.mesh.store.MeshReads;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.AccountView;

/** The applied state's accounts as the VM reads them: an address never written is the empty account. */
record MeshAccounts(MeshReads mesh) implements AccountView {
    @Override
    public Account get(Address address) {
        return mesh.account(address).orElseGet(() -> Account.empty(address));
    }
}
