package io.smnode.vm.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.address.AddressException;
import io.smnode.core.net.Preset;
import io.smnode.core.testing.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mainnet's genesis ledger against genesis.json's GenesisAccounts summary. */
class GenesisAccountsTest {
    @Test
    void mainnetHasTheVaultFundingAccounts() throws AddressException {
        JsonNode summary = Vectors.casesWhere("genesis.json", "id", "network/mainnet").get(0)
                .get("parameters").get("GenesisAccounts");
        List<Account> accounts = GenesisAccounts.of(Preset.MAINNET.params());
        assertEquals(summary.get("count").asInt(), accounts.size());
        assertEquals(summary.get("total_smidge").asLong(), accounts.stream().mapToLong(Account::balance).sum());
        for (Account a : accounts) {
            assertFalse(a.spawned());
            assertEquals(0, a.nextNonce());
        }
        Ledger ledger = new Ledger();
        ledger.applyGenesis(accounts);
        assertEquals(accounts.get(0), ledger.get(accounts.get(0).address()));
    }
}
