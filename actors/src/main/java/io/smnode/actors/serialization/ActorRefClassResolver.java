package io.smnode.actors.serialization;

import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Typed actor refs come in several classes (adapters, function refs, test probes): all of them use the one
 * registration of {@link ActorRef}, whose serializer writes the ref's path, so a member needs no list of Pekko's
 * internal classes.
 */
final class ActorRefClassResolver extends DefaultClassResolver {
    @Override
    @SuppressWarnings("rawtypes")
    public Registration getRegistration(Class type) {
        Registration registration = super.getRegistration(type);
        if (registration == null && ActorRef.class.isAssignableFrom(type)) {
            return super.getRegistration(ActorRef.class);
        }
        return registration;
    }
}
