package io.smnode.api.v2alpha1;

import io.smnode.api.grpc.GrpcErrors;
import io.smnode.core.address.AddressCodec;
import io.smnode.core.address.AddressException;
import io.smnode.core.types.Address;

/** Addresses in requests: bech32 of this network, or the request is refused naming the field. */
final class Requests {
    private Requests() {}

    static Address address(String field, String text, String hrp) {
        try {
            return AddressCodec.decode(text, hrp);
        } catch (AddressException e) {
            throw GrpcErrors.invalidArgument(field + ": " + e.getMessage());
        }
    }
}
