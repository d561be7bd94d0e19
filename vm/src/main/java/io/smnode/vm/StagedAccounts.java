package io.smnode.vm;

import io.smnode.core.types.Address;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.AccountView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts of the layer being applied over the committed ones (genvm {@code StagedCache}): reads are cached,
 * writes are remembered in the order an address was first written, which is the state hash's order.
 */
final class StagedAccounts implements AccountView {
    private final AccountView committed;
    private final Map<Address, Account> cache = new HashMap<>();
    private final Map<Address, Boolean> written = new HashMap<>();
    private final List<Address> writeOrder = new ArrayList<>();

    StagedAccounts(AccountView committed) {
        this.committed = committed;
    }

    @Override
    public Account get(Address address) {
        return cache.computeIfAbsent(address, committed::get);
    }

    void update(Account account) {
        if (written.put(account.address(), Boolean.TRUE) == null) {
            writeOrder.add(account.address());
        }
        cache.put(account.address(), account);
    }

    List<Account> changed() {
        List<Account> out = new ArrayList<>(writeOrder.size());
        for (Address a : writeOrder) {
            out.add(cache.get(a));
        }
        return out;
    }
}
