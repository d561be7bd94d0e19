package io.smnode.actors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.JSerializer;

/**
 * Pekko serializer for the messages that may cross cluster members ({@link ClusterMessage}, and the classes bound to
 * it in reference.conf), over Kryo 5: a pool of configured Kryo instances (a Kryo is not thread-safe and costly to
 * make), every class registered with a fixed id ({@link KryoRegistrations}: unregistered classes are refused, so the
 * bytes two members exchange never depend on registration order), typed actor refs written as their path strings
 * through {@link ActorRefResolver}.
 */
public final class KryoSerializer extends JSerializer {
    /** Pekko's id for this serializer (user serializers are above 40). */
    public static final int IDENTIFIER = 706_100;
    private static final int BUFFER = 4096;
    private static final int MAX_BUFFER = 16 << 20;

    private final Pool<Kryo> kryos;

    public KryoSerializer(ExtendedActorSystem system) {
        ActorRefResolver resolver = ActorRefResolver.get(Adapter.toTyped(system));
        this.kryos = new Pool<>(true, false, 16) {
            @Override
            protected Kryo create() {
                return KryoRegistrations.create(resolver);
            }
        };
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public boolean includeManifest() {
        return false;
    }

    @Override
    public byte[] toBinary(Object message) {
        Kryo kryo = kryos.obtain();
        try (Output out = new Output(BUFFER, MAX_BUFFER)) {
            kryo.writeClassAndObject(out, message);
            return out.toBytes();
        } finally {
            kryos.free(kryo);
        }
    }

    @Override
    public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
        Kryo kryo = kryos.obtain();
        try (Input in = new Input(bytes)) {
            return kryo.readClassAndObject(in);
        } finally {
            kryos.free(kryo);
        }
    }
}
