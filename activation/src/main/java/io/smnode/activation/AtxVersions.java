package io.smnode.activation;

import io.smnode.core.net.NetworkParams;
import io.smnode.core.types.EpochId;
import java.util.OptionalLong;

/**
 * Which ATX version a publish epoch takes on one network (spec 11 §1): v1 below the switch epoch, v2 from it (the
 * reference's {@code AtxVersions} map, which every network sets to at most one switch).
 */
public final class AtxVersions {
    private final OptionalLong v2From;

    private AtxVersions(OptionalLong v2From) {
        this.v2From = v2From;
    }

    /** The network's switch ({@link NetworkParams.Atx#atxV2FromEpoch()}). */
    public static AtxVersions of(NetworkParams.Atx atx) {
        return new AtxVersions(atx.atxV2FromEpoch());
    }

    public static AtxVersions v2From(long epoch) {
        return new AtxVersions(OptionalLong.of(epoch));
    }

    public static AtxVersions v1Only() {
        return new AtxVersions(OptionalLong.empty());
    }

    public AtxVersion at(EpochId publishEpoch) {
        return v2From.isPresent() && publishEpoch.value() >= v2From.getAsLong() ? AtxVersion.V2 : AtxVersion.V1;
    }

    /** The first v2 epoch, if the network has one. */
    public OptionalLong v2From() {
        return v2From;
    }

    @Override
    public String toString() {
        return v2From.isPresent() ? "v2 from epoch " + v2From.getAsLong() : "v1 only";
    }
}
