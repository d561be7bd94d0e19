package io.smnode.api.v2alpha1;

import com.google.protobuf.ByteString;
import io.smnode.api.grpc.GrpcErrors;
import java.util.function.Function;

/** Raw ids in requests: each must have its type's length, or the request is refused naming the field. */
final class Ids {
    private Ids() {}

    static <T> T fixed(String field, ByteString bytes, int length, Function<byte[], T> make) {
        if (bytes.size() != length) {
            throw GrpcErrors.invalidArgument(field + " must be " + length + " bytes, got " + bytes.size());
        }
        return make.apply(bytes.toByteArray());
    }
}
