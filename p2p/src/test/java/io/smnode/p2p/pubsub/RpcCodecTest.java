package io.smnode.p2p.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.types.Bytes;
import io.smnode.core.util.Hex;
import io.smnode.p2p.wire.WireException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RpcCodecTest {
    @Test
    void everyFieldRoundTripsAndIdsStayRawBytes() {
        Bytes id = Bytes.ofHex("ff00fe80" + "00".repeat(28)); // not UTF-8
        Rpc rpc = new Rpc(
                List.of(new Rpc.SubOpts(true, "ax1"), new Rpc.SubOpts(false, "tx1")),
                List.of(Rpc.Message.unsigned("tx1", Bytes.ofHex("0102"))),
                new Rpc.Control(List.of(new Rpc.IHave("ax1", List.of(id))), List.of(new Rpc.IWant(List.of(id))),
                        List.of(new Rpc.Graft("ax1")), List.of(new Rpc.Prune("tx1", List.of(Bytes.ofHex("0024")), Optional.of(60L))),
                        List.of(new Rpc.IWant(List.of(id)))));
        Rpc back = RpcCodec.decode(RpcCodec.encode(rpc));
        assertEquals(rpc, back);
        assertEquals(id, back.control().ihave().get(0).messageIds().get(0));
    }

    @Test
    void anUnsignedMessageCarriesOnlyDataAndTopic() {
        // field 2 (data) then field 4 (topic), nothing else: what go-spacemesh's StrictNoSign publishes.
        byte[] b = RpcCodec.encode(Rpc.messages(List.of(Rpc.Message.unsigned("tx1", Bytes.ofHex("aa")))));
        assertEquals("1208" + "1201aa" + "2203" + Hex.encode("tx1".getBytes()), Hex.encode(b));
    }

    @Test
    void signedFieldsAreReadSoTheRouterCanRefuseThem() {
        Rpc.Message signed = new Rpc.Message(Optional.of(Bytes.ofHex("01")), Bytes.ofHex("02"), Optional.of(Bytes.ofHex("03")),
                "tx1", Optional.of(Bytes.ofHex("04")), Optional.of(Bytes.ofHex("05")));
        Rpc.Message back = RpcCodec.decode(RpcCodec.encode(Rpc.messages(List.of(signed)))).publish().get(0);
        assertEquals(signed, back);
        assertEquals(true, back.hasAuthorFields());
    }

    @Test
    void malformedRpcsAreWireErrors() {
        assertThrows(WireException.class, () -> RpcCodec.decode(Hex.decode("12ff")));
        assertThrows(WireException.class, () -> RpcCodec.decode(Hex.decode("0a020801")), "subscription without topic");
        assertThrows(WireException.class, () -> RpcCodec.decode(Hex.decode("12021201")), "truncated data");
        assertThrows(WireException.class, () -> RpcCodec.decode(new byte[RpcCodec.MAX_RPC_BYTES + 1]));
    }
}
