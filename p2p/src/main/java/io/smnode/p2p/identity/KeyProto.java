package io.smnode.p2p.identity;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.smnode.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The libp2p key protobufs {@code PublicKey} / {@code PrivateKey} = {@code {Type=1 KeyType, Data=2 bytes}}, written
 * deterministically (field 1 then field 2) as the peer-id spec requires; only Ed25519 (type 1) is accepted.
 */
public final class KeyProto {
    public static final int ED25519 = 1;

    private KeyProto() {}

    public static byte[] encode(int type, byte[] data) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length + 4);
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeEnum(1, type);
            out.writeByteArray(2, data);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes a key of the given length, refusing any other key type. */
    public static byte[] decodeEd25519(byte[] proto, int dataLength) {
        int type = -1;
        byte[] data = null;
        try {
            CodedInputStream in = CodedInputStream.newInstance(proto);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag) {
                    case 8 -> type = in.readEnum();
                    case 18 -> data = in.readByteArray();
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new WireException("malformed key protobuf: " + e.getMessage(), e);
        }
        if (type != ED25519) {
            throw new WireException("key type " + type + " is not Ed25519");
        }
        if (data == null || data.length != dataLength) {
            throw new WireException("an Ed25519 key must have " + dataLength + " bytes");
        }
        return data;
    }
}
