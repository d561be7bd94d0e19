package io.smnode.mesh.block;

/**
 * Certifier parameters: committee size (default 10, mainnet 200), the seats a certificate needs and how many layers
 * around the current one messages are accepted for. The node derives the last two as the reference does
 * ({@code node.go}): threshold = size/2 + 1, buffer = Zdist.
 */
public record CertConfig(int committeeSize, int threshold, int layerBuffer) {
    public CertConfig {
        if (committeeSize < 1 || threshold < 1 || layerBuffer < 0) {
            throw new IllegalArgumentException("committee " + committeeSize + ", threshold " + threshold
                    + ", buffer " + layerBuffer);
        }
    }

    public static CertConfig of(int committeeSize, int zdist) {
        return new CertConfig(committeeSize, committeeSize / 2 + 1, zdist);
    }
}
