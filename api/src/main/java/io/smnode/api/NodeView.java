package io.smnode.api;

import io.smnode.core.address.AddressCodec;
import io.smnode.core.net.GenesisConfig;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.Address;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.store.MeshReads;
import io.smnode.persistence.Reads;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What the API serves from, handed over by the node: the network (genesis, clock, HRP, parameters), the node's
 * version, its store (read only: every write goes through the storage component), its smeshing identity if it has
 * one with the coinbase its rewards go to, where its PoST data is, its status, the consensus store's read port, and
 * where submitted transactions go (none while the node takes no transactions).
 */
public record NodeView(GenesisConfig genesis, LayerClock layers, Clock wallClock, String hrp, NetworkParams params,
                       String version, Reads store, Optional<NodeId> identity, Optional<Address> coinbase,
                       Optional<PostLayout> post, NodeStatusSource status, MeshReads mesh,
                       Optional<TransactionIntake> intake) {

    /** The identity's PoST data as configured: where, how many units, the largest file. */
    public record PostLayout(Path dir, long numUnits, long maxFileSize) {}

    /** The layer in progress now. */
    public LayerId currentLayer() {
        return layers.layerAt(wallClock.instant());
    }

    /** {@code address} in bech32 with this network's prefix. */
    public String bech32(Address address) {
        return AddressCodec.encode(address, hrp);
    }
}
