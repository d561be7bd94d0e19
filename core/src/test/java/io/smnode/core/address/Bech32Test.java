package io.smnode.core.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bech32 test vectors of BIP-173 (Appendices, "Test vectors"), under btcutil DecodeNoLimit's rules. */
class Bech32Test {

    @ParameterizedTest
    @ValueSource(strings = {
        "A12UEL5L",
        "a12uel5l",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        "?1ezyfcl"
    })
    void acceptsValidStringsAndReEncodesThemInLowerCase(String valid) throws AddressException {
        Bech32.Decoded d = Bech32.decode(valid);
        assertEquals(valid.toLowerCase(Locale.ROOT), Bech32.encode(d.hrp(), d.data().toByteArray()));
    }

    /** BIP-173's invalid list, less its over-90-characters case: go-spacemesh decodes without that limit. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\u00201nwldj5", "\u007f1axkwrx", "\u00801eym55h", "pzry9x0s0muk", "1pzry9x0s0muk", "x1b4n0q5v",
        "li1dgmt3", "de1lg7wt\u00ff", "A1G7SGD8", "10a06t8", "1qzzfhee"
    })
    void refusesInvalidStrings(String invalid) {
        AddressException e = assertThrows(AddressException.class, () -> Bech32.decode(invalid));
        assertEquals(AddressException.Reason.DECODE_BECH32, e.reason());
    }
}
