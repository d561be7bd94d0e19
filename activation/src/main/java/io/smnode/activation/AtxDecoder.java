package io.smnode.activation;

import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleReader;
import io.smnode.core.types.EpochId;

/**
 * Decodes ATX bytes as the version their publish epoch takes (spec 11 §1, the reference's
 * {@code determineVersion}/{@code decodeATX}): read the publish epoch (the first field of both versions; a read
 * that fails counts as epoch 0), pick the version, decode strictly as that version. Bytes that fail but decode as
 * the other version are refused with their own rule, so a v1 ATX for an epoch at or after the switch (and a v2 ATX
 * before it) is told apart from garbage; the outcome, a reject, is the reference's either way.
 */
public final class AtxDecoder {
    private final AtxVersions versions;

    public AtxDecoder(AtxVersions versions) {
        this.versions = versions;
    }

    /** Why bytes are not an ATX of this network; the rule is what the validator reports. */
    public static final class MalformedAtxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final AtxRule rule;

        MalformedAtxException(AtxRule rule, String detail) {
            super(detail);
            this.rule = rule;
        }

        public AtxRule rule() {
            return rule;
        }
    }

    public ActivationTx decode(byte[] bytes) throws MalformedAtxException {
        EpochId epoch = publishEpoch(bytes);
        AtxVersion version = versions.at(epoch);
        try {
            return decodeAs(version, bytes);
        } catch (ScaleException e) {
            AtxVersion other = version == AtxVersion.V1 ? AtxVersion.V2 : AtxVersion.V1;
            try {
                decodeAs(other, bytes);
            } catch (ScaleException notThatEither) {
                throw new MalformedAtxException(AtxRule.MALFORMED, version + ": " + e.getMessage());
            }
            throw version == AtxVersion.V2
                    ? new MalformedAtxException(AtxRule.V1_AT_OR_AFTER_SWITCH, "a v1 ATX for epoch " + epoch
                            + ": from the switch (" + versions + ") only v2 is valid")
                    : new MalformedAtxException(AtxRule.V2_BEFORE_SWITCH, "a v2 ATX for epoch " + epoch
                            + ": before the switch (" + versions + ") only v1 is valid");
        }
    }

    /** The version the bytes would be decoded as. */
    public AtxVersion versionOf(byte[] bytes) {
        return versions.at(publishEpoch(bytes));
    }

    public AtxVersions versions() {
        return versions;
    }

    private static ActivationTx decodeAs(AtxVersion version, byte[] bytes) throws ScaleException {
        return version == AtxVersion.V2 ? ActivationTxV2.decode(bytes) : ActivationTxV1.decode(bytes);
    }

    /** The leading compact32; the reference tolerates a failed read here and decides with epoch 0. */
    private static EpochId publishEpoch(byte[] bytes) {
        try {
            return EpochId.of(new ScaleReader(bytes).readCompactU32());
        } catch (ScaleException e) {
            return EpochId.of(0);
        }
    }
}
