package io.smnode.core.net;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The networks smnode knows by name, each with the reference node's parameters for it. */
public enum Preset {
    /** The public network (go-spacemesh {@code config/mainnet.go}). */
    MAINNET(PresetParams.mainnet()),
    /** The public test network (go-spacemesh preset {@code testnet}). */
    TESTNET(PresetParams.testnet()),
    /** One node with a local PoET: a full cycle in about 3 minutes (go-spacemesh preset {@code standalone}). */
    STANDALONE(PresetParams.standalone()),
    /** Several nodes on one machine or LAN (go-spacemesh preset {@code fastnet}; addresses use HRP stest). */
    LOCALNET(PresetParams.localnet());

    private final NetworkParams params;

    Preset(NetworkParams params) {
        this.params = params;
    }

    public NetworkParams params() {
        return params;
    }

    /** The preset's name as a user types it: the constant's name in lower case. */
    public String presetName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The preset called {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException listing the valid names when there is none
     */
    public static Preset byName(String name) {
        for (Preset p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown network preset '" + name + "'; valid: "
                + Arrays.stream(values()).map(Preset::presetName).collect(Collectors.joining(", ")));
    }

    /**
     * go-spacemesh's library defaults ({@code config.DefaultConfig()}: 30 s layers, 3 layers per epoch, extra data
     * "mainnet", no fixed genesis time). Not a network anyone runs, but what the reference's own tests assume.
     */
    public static NetworkParams referenceDefaults() {
        return PresetParams.referenceDefaults();
    }
}
