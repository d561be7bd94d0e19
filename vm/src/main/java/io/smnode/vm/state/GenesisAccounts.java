package io.smnode.vm.state;

import io.smnode.core.address.AddressCodec;
import io.smnode.core.address.AddressException;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The genesis ledger of a network as accounts (balances only, unspawned, layer 0), as the reference's ToAccounts. */
public final class GenesisAccounts {
    private GenesisAccounts() {}

    /**
     * The accounts, sorted by address (the configuration's order carries no meaning).
     *
     * @throws AddressException when an address is not valid on this network
     */
    public static List<Account> of(NetworkParams params) throws AddressException {
        List<Account> out = new ArrayList<>();
        for (NetworkParams.GenesisAccount g : params.genesis().accounts()) {
            Address address = AddressCodec.decode(g.address(), params.hrp());
            out.add(new Account(LayerId.of(0), address, 0, g.balance(), Optional.empty(), Bytes.EMPTY));
        }
        out.sort(Comparator.comparing(Account::address));
        return List.copyOf(out);
    }
}
