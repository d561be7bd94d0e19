package io.smnode.core.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Address;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Behaviour around the vectors: case rules, the network-agnostic decode and input immutability. */
class AddressCodecTest {
    private static final String ACCOUNT = Vectors.casesWhere("addresses.json", "id", "mainnet-account/00").get(0)
            .get("input").asText();

    @Test
    void allUpperCaseIsTheSameAddress() throws AddressException {
        assertEquals(AddressCodec.decode(ACCOUNT, AddressCodec.MAINNET_HRP),
                AddressCodec.decode(ACCOUNT.toUpperCase(Locale.ROOT), AddressCodec.MAINNET_HRP));
    }

    @Test
    void decodeAnyNetworkReportsTheHrpInsteadOfRefusingIt() throws AddressException {
        AddressCodec.DecodedAddress d = AddressCodec.decodeAnyNetwork(ACCOUNT);
        assertEquals(AddressCodec.MAINNET_HRP, d.hrp());
        assertEquals(AddressException.Reason.UNSUPPORTED_NETWORK, assertThrows(AddressException.class,
                () -> AddressCodec.decode(ACCOUNT, AddressCodec.TESTNET_HRP)).reason());
    }

    @Test
    void decodeAnyNetworkStillChecksTheReservedBytes() {
        String input = Vectors.casesWhere("addresses.json", "id", "derived/reserved-byte-3-nonzero").get(0)
                .get("input").asText();
        assertEquals(AddressException.Reason.MISSING_RESERVED_SPACE,
                assertThrows(AddressException.class, () -> AddressCodec.decodeAnyNetwork(input)).reason());
    }

    @Test
    void generateLeavesItsInputAlone() {
        byte[] input = new byte[30];
        input[29] = 7;
        Address a = Addresses.generate(input);
        input[29] = 8;
        assertEquals(7, a.get(Address.LENGTH - 1));
    }

    @Test
    void encodeRefusesAnUpperCaseHrp() {
        assertThrows(IllegalArgumentException.class, () -> AddressCodec.encode(Address.ZERO, "SM"));
    }
}
