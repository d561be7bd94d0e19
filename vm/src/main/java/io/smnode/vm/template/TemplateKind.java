package io.smnode.vm.template;

import io.smnode.core.address.Templates;
import io.smnode.core.types.Address;
import java.util.Optional;

/** The four account templates genvm registers, by their template address (23 zero bytes then the number). */
public enum TemplateKind {
    WALLET(Templates.WALLET),
    MULTISIG(Templates.MULTISIG),
    VESTING(Templates.VESTING),
    VAULT(Templates.VAULT);

    private final Address address;

    TemplateKind(Address address) {
        this.address = address;
    }

    public Address address() {
        return address;
    }

    /** The template registered at {@code address}; empty for any other address (an unknown template). */
    public static Optional<TemplateKind> of(Address address) {
        for (TemplateKind k : values()) {
            if (k.address.equals(address)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
