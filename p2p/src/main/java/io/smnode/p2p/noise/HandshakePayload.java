package io.smnode.p2p.noise;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.smnode.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code NoiseHandshakePayload{identity_key=1, identity_sig=2, extensions=4 NoiseExtensions{webtransport_certhashes=1,
 * stream_muxers=2}}}. smnode sends no extensions (as go-spacemesh), and reads the muxers a peer lists only to ignore
 * them: the muxer is negotiated with multistream-select either way.
 */
public record HandshakePayload(byte[] identityKey, byte[] identitySig, List<String> streamMuxers) {
    /** Longest payload accepted (a key, a signature and a few extensions). */
    static final int MAX_LENGTH = 4096;

    public byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeByteArray(1, identityKey);
            out.writeByteArray(2, identitySig);
            if (!streamMuxers.isEmpty()) {
                ByteArrayOutputStream ext = new ByteArrayOutputStream();
                CodedOutputStream e = CodedOutputStream.newInstance(ext);
                for (String m : streamMuxers) {
                    e.writeString(2, m);
                }
                e.flush();
                out.writeByteArray(4, ext.toByteArray());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HandshakePayload decode(byte[] b) {
        if (b.length > MAX_LENGTH) {
            throw new WireException("noise payload too large");
        }
        byte[] key = null;
        byte[] sig = null;
        List<String> muxers = new ArrayList<>();
        try {
            CodedInputStream in = CodedInputStream.newInstance(b);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (tag) {
                    case 10 -> key = in.readByteArray();
                    case 18 -> sig = in.readByteArray();
                    case 34 -> {
                        CodedInputStream e = CodedInputStream.newInstance(in.readByteArray());
                        for (int t = e.readTag(); t != 0; t = e.readTag()) {
                            if (t == 18 && muxers.size() < 16) {
                                muxers.add(e.readString());
                            } else {
                                e.skipField(t);
                            }
                        }
                    }
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new WireException("malformed noise handshake payload", e);
        }
        if (key == null || sig == null) {
            throw new WireException("noise handshake payload without identity key or signature");
        }
        return new HandshakePayload(key, sig, List.copyOf(muxers));
    }
}
