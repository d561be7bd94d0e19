package io.smnode.api.v2alpha1;

import io.smnode.api.NodeView;
import io.smnode.api.grpc.Calls;
import io.smnode.api.grpc.Paging;
import io.smnode.vm.state.Account;
import java.util.List;
import java.util.concurrent.CompletionStage;
import spacemesh.v2alpha1.AccountList;
import spacemesh.v2alpha1.AccountRequest;
import spacemesh.v2alpha1.AccountService;
import spacemesh.v2alpha1.AccountState;

/**
 * v2alpha1 AccountService: accounts of the applied state, the asked ones (an address never written is listed empty,
 * as the reference does) or all. The projected state is the current one: the node's pending transactions are not
 * visible to the API yet.
 */
public final class AccountServiceImpl implements AccountService {
    private final NodeView node;

    public AccountServiceImpl(NodeView node) {
        this.node = node;
    }

    @Override
    public CompletionStage<AccountList> list(AccountRequest in) {
        return Calls.now(() -> {
            Paging paging = Paging.of(in.getOffset(), in.getLimit());
            MeshAccounts accounts = new MeshAccounts(node.mesh());
            List<Account> asked = in.getAddressesCount() == 0 ? node.mesh().accounts()
                    : in.getAddressesList().stream().map(a -> accounts.get(Requests.address("addresses", a,
                            node.hrp()))).toList();
            AccountList.Builder list = AccountList.newBuilder();
            asked.stream().skip(paging.offset()).limit(paging.limit()).forEach(a -> list.addAccounts(toProto(a)));
            return list.build();
        });
    }

    private spacemesh.v2alpha1.Account toProto(Account a) {
        AccountState state = AccountState.newBuilder().setCounter(a.nextNonce()).setBalance(a.balance())
                .setLayer((int) a.layer().value()).build();
        return spacemesh.v2alpha1.Account.newBuilder().setAddress(node.bech32(a.address())).setCurrent(state)
                .setProjected(state).setTemplate(a.template().map(node::bech32).orElse("")).build();
    }
}
